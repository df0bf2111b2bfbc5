package dev.interleave.internal.wire;

import java.io.IOException;

/** A frame that cannot be read: a negative length, or one above the reader's limit. */
public final class FrameException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean tooLong;

  FrameException(boolean tooLong, String message) {
    super(message);
    this.tooLong = tooLong;
  }

  /** Whether the frame was refused for its length (else its header is corrupt). */
  public boolean tooLong() {
    return tooLong;
  }
}
