package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A proxy for an event held by a {@link Manager} (CPython's {@code EventProxy}). {@link
 * #await()} waits inside the manager until the flag is set; interruption and failure as for
 * {@link AcquirerProxy}.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class EventProxy implements ManagerProxy, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  EventProxy(Token token) {
    this.token = token;
  }

  @Override
  public Token token() {
    return token;
  }

  /** Sets the flag, waking every waiter. */
  public void set() {
    Proxies.call(token, "set");
  }

  /** Clears the flag. */
  public void clear() {
    Proxies.call(token, "clear");
  }

  /** Whether the flag is set. */
  public boolean isSet() {
    return (Boolean) Proxies.call(token, "isSet");
  }

  /** Waits until the flag is set. */
  public void await() throws InterruptedException {
    Proxies.callBlocking(token, "await", null);
  }

  /** Waits at most {@code timeout}; returns whether the flag is set. */
  public boolean await(Duration timeout) throws InterruptedException {
    return Boolean.TRUE.equals(Proxies.callBlocking(token, "await", timeout));
  }

  @Override
  public String toString() {
    return "EventProxy[" + token + "]";
  }

  private Object writeReplace() {
    return new Proxies.Form(token);
  }
}
