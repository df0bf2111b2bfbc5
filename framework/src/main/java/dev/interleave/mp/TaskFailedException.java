package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * A pool task failed in a way that cannot be rethrown as itself: it threw a checked exception
 * (the cause), or an exception that could not be sent back (the message then carries its class
 * and text, and the cause is its {@link RemoteTraceback}), or its arguments or result could not
 * travel between the processes.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class TaskFailedException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause} (may be null). */
  public TaskFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
