package dev.interleave.mp;

import org.apiguardian.api.API;

/** Thrown when a shared memory block of the given name already exists (CPython's {@code FileExistsError}). */
@API(status = API.Status.EXPERIMENTAL)
public final class SharedMemoryExistsException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the block. */
  public SharedMemoryExistsException(String message, Throwable cause) {
    super(message, cause);
  }
}
