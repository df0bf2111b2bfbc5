package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A proxy for a barrier held by a {@link Manager}: {@link #await()} waits inside the manager
 * until {@link #parties()} threads have arrived; interruption and failure as for {@link
 * AcquirerProxy}. {@link #abort()} breaks the barrier until {@link #reset()}, as CPython's: the
 * current waiters and every later wait fail.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class BarrierProxy implements ManagerProxy, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  BarrierProxy(Token token) {
    this.token = token;
  }

  @Override
  public Token token() {
    return token;
  }

  /**
   * Waits for the other parties; returns this arrival's index (0 for the first).
   *
   * @throws BrokenBarrierException if the barrier was broken or reset during the wait
   */
  public int await() throws InterruptedException {
    return arrival((Integer) Proxies.callWaiting(token, "await", null));
  }

  /**
   * Waits at most {@code timeout} for the other parties.
   *
   * @throws BrokenBarrierException if the barrier broke, was reset, or the wait timed out
   */
  public int await(Duration timeout) throws InterruptedException {
    return arrival((Integer) Proxies.callWaiting(token, "await", timeout));
  }

  private int arrival(int index) {
    if (index < 0) {
      throw new BrokenBarrierException("the managed barrier was broken, reset or timed out");
    }
    return index;
  }

  /** The number of parties. */
  public int parties() {
    return (Integer) Proxies.call(token, "parties");
  }

  /** How many parties are waiting. */
  public int nWaiting() {
    return (Integer) Proxies.call(token, "nWaiting");
  }

  /** Whether the barrier is broken. */
  public boolean isBroken() {
    return (Boolean) Proxies.call(token, "broken");
  }

  /** Breaks the current wait and makes the barrier ready for a new round. */
  public void reset() {
    Proxies.call(token, "reset");
  }

  /** Breaks the current wait. */
  public void abort() {
    Proxies.call(token, "abort");
  }

  @Override
  public String toString() {
    return "BarrierProxy[" + token + "]";
  }

  private Object writeReplace() {
    return new Proxies.Form(token);
  }
}
