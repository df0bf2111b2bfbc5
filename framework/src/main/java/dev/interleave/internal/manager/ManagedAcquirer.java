package dev.interleave.internal.manager;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock or semaphore behind an acquirer proxy: a {@code Lock} (one permit, released by any
 * thread), an {@code RLock} (owned by the thread of the client's connection), a {@code
 * Semaphore} or a {@code BoundedSemaphore}. Timeouts in nanoseconds, negative = forever.
 */
public final class ManagedAcquirer {
  private final String kind;
  private final Semaphore permits;
  private final ReentrantLock owner;
  private final int bound;

  private ManagedAcquirer(String kind, int value, boolean recursive, int bound) {
    if (value < 0) {
      throw new IllegalArgumentException("semaphore initial value must be >= 0 but was: " + value);
    }
    this.kind = kind;
    this.permits = recursive ? null : new Semaphore(value);
    this.owner = recursive ? new ReentrantLock() : null;
    this.bound = bound;
  }

  public static ManagedAcquirer lock() {
    return new ManagedAcquirer("Lock", 1, false, 1);
  }

  public static ManagedAcquirer rlock() {
    return new ManagedAcquirer("RLock", 1, true, 1);
  }

  public static ManagedAcquirer semaphore(int value, boolean bounded) {
    return new ManagedAcquirer(bounded ? "BoundedSemaphore" : "Semaphore", value, false,
        bounded ? value : Integer.MAX_VALUE);
  }

  public boolean acquire(long nanos) throws InterruptedException {
    if (owner != null) {
      return nanos < 0 ? lockForever() : owner.tryLock(nanos, TimeUnit.NANOSECONDS);
    }
    if (nanos < 0) {
      permits.acquire();
      return true;
    }
    return permits.tryAcquire(nanos, TimeUnit.NANOSECONDS);
  }

  private boolean lockForever() throws InterruptedException {
    owner.lockInterruptibly();
    return true;
  }

  public synchronized void release() {
    if (owner != null) {
      if (!owner.isHeldByCurrentThread()) {
        throw new IllegalMonitorStateException("cannot release un-acquired RLock");
      }
      owner.unlock();
    } else if (permits.availablePermits() >= bound) {
      throw new IllegalStateException(kind.equals("Lock") ? "release of an unlocked Lock"
          : "BoundedSemaphore released too many times (bound " + bound + ")");
    } else {
      permits.release();
    }
  }

  @Override
  public String toString() {
    return kind;
  }
}
