package dev.interleave.internal.shm;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A segment's file could not be given its blocks: its file system (usually {@code /dev/shm}) is
 * full. Nothing was mapped, and the file is removed again.
 */
public final class SegmentSpaceException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  SegmentSpaceException(String message, IOException cause) {
    super(message, cause);
  }
}
