package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown by a non-blocking or timed {@code put} of a bounded queue that stayed full (CPython's
 * {@code queue.Full}).
 */
@API(status = API.Status.EXPERIMENTAL)
public final class QueueFullException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public QueueFullException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public QueueFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
