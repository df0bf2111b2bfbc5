package dev.interleave.internal.manager;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The condition behind a condition proxy: an owned lock (that of the client's connection thread)
 * and its condition. Timeouts in nanoseconds, negative = forever.
 */
public final class ManagedCondition {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition cond = lock.newCondition();

  public boolean acquire(long nanos) throws InterruptedException {
    if (nanos < 0) {
      lock.lockInterruptibly();
      return true;
    }
    return lock.tryLock(nanos, TimeUnit.NANOSECONDS);
  }

  public void release() {
    owned("release");
    lock.unlock();
  }

  /** Waits for a notification; false if {@code nanos} passed first. */
  public boolean await(long nanos) throws InterruptedException {
    owned("wait");
    if (nanos < 0) {
      cond.await();
      return true;
    }
    return cond.awaitNanos(nanos) > 0;
  }

  public void signal(int n) {
    owned("notify");
    for (int i = 0; i < n; i++) {
      cond.signal();
    }
  }

  public void signalAll() {
    owned("notify_all");
    cond.signalAll();
  }

  private void owned(String what) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalMonitorStateException("cannot " + what + " on un-acquired lock");
    }
  }
}
