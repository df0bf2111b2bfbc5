package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A proxy for a {@code Lock}, {@code RLock}, {@code Semaphore} or {@code BoundedSemaphore} held
 * by a {@link Manager} (CPython's {@code AcquirerProxy}). An {@code RLock} is owned by the
 * calling thread (each thread has its own connection to the manager).
 *
 * <p><b>Blocking.</b> {@link #acquire()} waits inside the manager; {@link #acquire(Duration)}
 * gives up after its timeout. An interrupt throws {@link InterruptedException} and closes the
 * thread's connection; the manager abandons the wait. If the manager is gone, calls throw
 * {@link ManagerException} (a lock held through a manager dies with it). Under the harness an
 * acquire is a blocked step the scheduler sees.
 *
 * <p><b>Memory consistency effects.</b> Calls made through the manager before a release are
 * seen by calls made after a later acquire.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class AcquirerProxy implements ManagerProxy, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  AcquirerProxy(Token token) {
    this.token = token;
  }

  @Override
  public Token token() {
    return token;
  }

  /** Acquires, waiting as long as it takes. */
  public void acquire() throws InterruptedException {
    Proxies.callBlocking(token, "acquire", null);
  }

  /** Acquires, waiting at most {@code timeout}; returns whether it acquired. */
  public boolean acquire(Duration timeout) throws InterruptedException {
    return Boolean.TRUE.equals(Proxies.callBlocking(token, "acquire", timeout));
  }

  /**
   * Releases.
   *
   * @throws IllegalStateException if a Lock is not locked or a BoundedSemaphore is full
   * @throws IllegalMonitorStateException if the calling thread does not own an RLock
   */
  public void release() {
    Proxies.call(token, "release");
  }

  /** Acquires and returns the hold releasing it: {@code with lock:}. */
  public Held hold() throws InterruptedException {
    acquire();
    return new Held(this::release);
  }

  @Override
  public String toString() {
    return "AcquirerProxy[" + token + "]";
  }

  private Object writeReplace() {
    return new Proxies.Form(token);
  }
}
