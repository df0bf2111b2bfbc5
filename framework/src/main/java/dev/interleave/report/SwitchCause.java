package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Why the process that ran before a step stopped running, when another process takes the step.
 * Only {@link #PREEMPTED} is the scheduler's choice; the others are forced switches.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SwitchCause {
  /** It could have gone on, but the scheduler picked another process. */
  PREEMPTED,
  /** Its operation could not complete (a lock held, a queue empty, a join on a live process). */
  BLOCKED,
  /** It went to sleep; virtual time wakes it later. */
  SLEPT,
  /** It ended. */
  EXITED,
  /** It was terminated or killed. */
  KILLED
}
