package dev.interleave.harness;

import org.apiguardian.api.API;

/**
 * The kinds of {@link Finding}: what an {@link InterleaveTest} that demonstrates a bug declares
 * it expects ({@link InterleaveTest#finding()}), and what {@link Finding#kind()} reports.
 */
@API(status = API.Status.EXPERIMENTAL)
public enum FindingKind {
  /** A state or final invariant was false, or a forbidden outcome was seen. */
  INVARIANT,
  /** Processes wait for each other (or for something no live process can provide). */
  DEADLOCK,
  /** A process did not reach its next scheduling point in time, or a schedule never ended. */
  HANG,
  /** A replay left its record: something the harness does not control decided the run. */
  DIVERGENCE,
  /** A process threw an exception that the scenario did not declare expected. */
  EXCEPTION,
  /**
   * A replay token recorded a failure, and replaying its schedule did not fail that way: the
   * failure depends on something the schedule does not fix.
   */
  NOT_REPRODUCED
}
