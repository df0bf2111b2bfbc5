package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The closed set of things a run can find wrong. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum FindingKind {
  /** A state or final invariant did not hold. */
  INVARIANT,
  /** Every live process waits for a resource another one holds. */
  DEADLOCK,
  /** A schedule did not finish in time although no wait-for cycle was seen. */
  HANG,
  /** Replaying a recorded schedule reached a point the recording does not have. */
  DIVERGENCE,
  /** User code threw in some process. */
  EXCEPTION,
  /** A replayed schedule did not fail the way its replay token recorded. */
  NOT_REPRODUCED
}
