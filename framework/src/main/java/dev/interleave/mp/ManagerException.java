package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown by a proxy call when its manager cannot answer: the manager was shut down, its process
 * died, or its address does not answer. A dead manager is noticed at once (its connections
 * close), so a call never hangs on it.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ManagerException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the manager. */
  public ManagerException(String message, Throwable cause) {
    super(message, cause);
  }
}
