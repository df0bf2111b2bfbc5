package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown by {@link Connection#recvBytes(int)} when the message is longer than the given maximum
 * (CPython's {@code OSError("bad message length")}). As in CPython, the receiving connection
 * is closed afterwards.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class MessageTooLongException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public MessageTooLongException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public MessageTooLongException(String message, Throwable cause) {
    super(message, cause);
  }
}
