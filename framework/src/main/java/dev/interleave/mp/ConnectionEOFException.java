package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown by a receive when nothing is left to receive and nothing more can arrive: every handle of
 * the other end was closed, or every process that held one died (CPython's {@code EOFError}).
 *
 * <p>Unchecked, like every exception of this runtime; it is a normal end of a stream, so loops
 * that receive until the sender is done catch it.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ConnectionEOFException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public ConnectionEOFException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public ConnectionEOFException(String message, Throwable cause) {
    super(message, cause);
  }
}
