package dev.interleave.internal.manager;

import java.util.concurrent.TimeUnit;

/** The event behind an event proxy. Timeouts in nanoseconds, negative = forever. */
public final class ManagedEvent {
  private boolean flag;

  public synchronized void set() {
    flag = true;
    notifyAll();
  }

  public synchronized void clear() {
    flag = false;
  }

  public synchronized boolean isSet() {
    return flag;
  }

  public synchronized boolean await(long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    while (!flag) {
      long left = deadline - System.nanoTime();
      if (nanos >= 0 && left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, nanos < 0 ? 0 : left);
    }
    return true;
  }
}
