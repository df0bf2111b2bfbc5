package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What became of a step's operation. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum StepKind {
  /** The operation ran. */
  OPERATION,
  /** The operation could not complete: the process waited until another process woke it. */
  BLOCKED,
  /** The operation, tried again after the process that blocked on it was woken. */
  RETRY,
  /** The process terminated or killed another process. */
  KILL,
  /** The harness killed the process at this point, as a crash it injected. */
  INJECTED_KILL
}
