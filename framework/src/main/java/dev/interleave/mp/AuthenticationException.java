package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown on both sides of a {@link Listener} / {@link Client} connection when the HMAC handshake
 * fails: the peers do not share the same authentication key (CPython's {@code
 * AuthenticationError}).
 */
@API(status = API.Status.EXPERIMENTAL)
public final class AuthenticationException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public AuthenticationException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
