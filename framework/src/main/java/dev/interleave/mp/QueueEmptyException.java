package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown by a non-blocking or timed {@code get} of a queue that stayed empty (CPython's {@code
 * queue.Empty}).
 */
@API(status = API.Status.EXPERIMENTAL)
public final class QueueEmptyException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public QueueEmptyException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public QueueEmptyException(String message, Throwable cause) {
    super(message, cause);
  }
}
