package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown by a send when no live process holds the other end of the connection any more
 * (CPython's {@code BrokenPipeError}).
 */
@API(status = API.Status.EXPERIMENTAL)
public final class BrokenPipeException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public BrokenPipeException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public BrokenPipeException(String message, Throwable cause) {
    super(message, cause);
  }
}
