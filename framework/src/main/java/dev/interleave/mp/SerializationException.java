package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown when an object cannot be serialized for sending (at the call site, naming the class at
 * fault) or a received one cannot be deserialized (a missing class, a failing {@code readObject}).
 */
@API(status = API.Status.EXPERIMENTAL)
public class SerializationException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public SerializationException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public SerializationException(String message, Throwable cause) {
    super(message, cause);
  }
}
