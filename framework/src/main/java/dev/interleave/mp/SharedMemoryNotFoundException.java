package dev.interleave.mp;

import org.apiguardian.api.API;

/** Thrown when no shared memory block has the given name (CPython's {@code FileNotFoundError}). */
@API(status = API.Status.EXPERIMENTAL)
public final class SharedMemoryNotFoundException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the block. */
  public SharedMemoryNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
