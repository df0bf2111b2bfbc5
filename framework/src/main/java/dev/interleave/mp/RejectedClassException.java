package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown when a received message names a class that the deserialization filter ({@link
 * SerialFilter}) does not allow. The class is rejected before any instance of it is created;
 * the message is dropped.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class RejectedClassException extends SerializationException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public RejectedClassException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public RejectedClassException(String message, Throwable cause) {
    super(message, cause);
  }
}
