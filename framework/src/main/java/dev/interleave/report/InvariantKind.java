package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** When an invariant is checked. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum InvariantKind {
  /** At every scheduling point, against the shared state of the moment. */
  STATE,
  /** Once per schedule, after every process has finished. */
  FINAL
}
