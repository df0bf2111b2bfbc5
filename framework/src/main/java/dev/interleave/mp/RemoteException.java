package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown by a proxy call when the method ran in the manager and threw an exception that is not
 * the JDK's (CPython's {@code RemoteError}): its class, message and the manager's stack trace
 * are in the message. JDK exceptions ({@code IndexOutOfBoundsException}, {@code
 * IllegalArgumentException}, ...) are rethrown as themselves instead.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class RemoteException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception describing the remote one. */
  public RemoteException(String message) {
    super(message);
  }
}
