package dev.interleave.internal.pool;

/**
 * Why a chunk of tasks has no results; the public API turns it into an exception.
 *
 * @param kind what happened
 * @param message a sentence saying what happened, naming the worker where one was involved
 * @param error the task's exception as deserialized in this process (kind {@code RAISED}), or
 *     null if it could not travel; {@code message} then carries its class and text
 * @param remoteStack the worker's stack trace text of the task's exception, or null
 * @param worker the worker's name, or null
 */
public record Failure(Kind kind, String message, Throwable error, String remoteStack,
    String worker) {

  /** What kind of failure. */
  public enum Kind {
    /** The task threw (or its arguments or result could not travel). */
    RAISED,
    /** The worker running the task died. */
    LOST,
    /** The pool could not keep workers running. */
    BROKEN,
    /** The pool was terminated before the task completed. */
    TERMINATED,
    /** The task was cancelled before it started. */
    CANCELLED
  }

  static Failure lost(String message, String worker) {
    return new Failure(Kind.LOST, message, null, null, worker);
  }

  static Failure broken(String message, Throwable cause) {
    return new Failure(Kind.BROKEN, message, cause, null, null);
  }
}
