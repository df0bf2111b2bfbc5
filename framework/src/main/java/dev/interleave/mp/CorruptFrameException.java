package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown when what arrived cannot be a message: bytes that do not parse as a frame or a
 * serialized object. (A message cut short by its sender's death or interruption is dropped
 * silently, and a receive that can get nothing more throws {@link ConnectionEOFException}.)
 * Nothing of the broken message is returned; a pipe stays usable for the messages that follow.
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
