package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * A failure of a {@link Connection}: its peer went away, or what arrived cannot be a message
 * (CPython's {@code OSError} family on connections).
 */
@API(status = API.Status.EXPERIMENTAL)
public class ConnectionException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public ConnectionException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
