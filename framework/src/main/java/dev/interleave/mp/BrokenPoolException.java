package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * The pool can no longer run tasks because it cannot keep workers running: a worker could not be
 * started, its initializer threw, or several workers in a row died before they were ready.
 * Queued and running tasks fail with it, and so does every later submission (CPython's {@code
 * concurrent.futures.process.BrokenProcessPool}).
 */
@API(status = API.Status.EXPERIMENTAL)
public final class BrokenPoolException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** A broken pool, described by {@code message}; {@code cause} may be null. */
  public BrokenPoolException(String message, Throwable cause) {
    super(message, cause);
  }
}
