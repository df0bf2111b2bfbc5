package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A proxy for a condition held by a {@link Manager}, with its own recursive lock owned by the
 * calling thread. {@link #await()} releases the lock, waits for a {@link #signal()} inside the
 * manager and takes the lock again, as {@code Condition.wait()}; interruption and failure as for
 * {@link AcquirerProxy}. (Under the harness a wait is not a step the scheduler can time out:
 * prefer {@link Condition} in harness scenarios.)
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ConditionProxy implements ManagerProxy, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  ConditionProxy(Token token) {
    this.token = token;
  }

  @Override
  public Token token() {
    return token;
  }

  /** Acquires the lock, waiting as long as it takes. */
  public void acquire() throws InterruptedException {
    Proxies.callBlocking(token, "acquire", null);
  }

  /** Acquires the lock, waiting at most {@code timeout}; returns whether it acquired. */
  public boolean acquire(Duration timeout) throws InterruptedException {
    return Boolean.TRUE.equals(Proxies.callBlocking(token, "acquire", timeout));
  }

  /** Releases the lock (one level). */
  public void release() {
    Proxies.call(token, "release");
  }

  /** Acquires the lock and returns the hold releasing it. */
  public Held hold() throws InterruptedException {
    acquire();
    return new Held(this::release);
  }

  /**
   * Waits for a signal, holding the lock before and after.
   *
   * @throws IllegalMonitorStateException if the calling thread does not hold the lock
   */
  public void await() throws InterruptedException {
    Proxies.callWaiting(token, "await", null);
  }

  /** Waits at most {@code timeout}; returns false if it timed out. */
  public boolean await(Duration timeout) throws InterruptedException {
    return Boolean.TRUE.equals(Proxies.callWaiting(token, "await", timeout));
  }

  /** Wakes one waiter: Python's {@code notify()}. */
  public void signal() {
    signal(1);
  }

  /** Wakes up to {@code n} waiters: Python's {@code notify(n)}. */
  public void signal(int n) {
    Proxies.call(token, "signal", n);
  }

  /** Wakes every waiter: Python's {@code notify_all()}. */
  public void signalAll() {
    Proxies.call(token, "signalAll");
  }

  @Override
  public String toString() {
    return "ConditionProxy[" + token + "]";
  }

  private Object writeReplace() {
    return new Proxies.Form(token);
  }
}
