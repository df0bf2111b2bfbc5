package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown when what arrived cannot be a message: a frame cut short because its sender died or was
 * interrupted mid-message, or bytes that do not parse. Nothing of the broken message is returned;
 * the connection stays usable for the messages that follow.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class CorruptFrameException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public CorruptFrameException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public CorruptFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
