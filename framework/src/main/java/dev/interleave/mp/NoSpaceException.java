package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown when a pipe, a queue, a queued item, a synchronization primitive, a {@code Value} or
 * {@code Array}, or a {@code SharedMemory} block needs space that is not there: the file system
 * holding shared-memory segments or spill files is full (CPython's {@code OSError} with {@code
 * ENOSPC}), or an unbounded queue's spill files would pass their limit. The message names the
 * directory, the size asked and the space free (or the limit). Nothing was sent, queued or
 * created.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class NoSpaceException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public NoSpaceException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public NoSpaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
