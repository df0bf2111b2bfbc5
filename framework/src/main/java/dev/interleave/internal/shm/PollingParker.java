package dev.interleave.internal.shm;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A portable {@link Parker} that re-reads the word after short sleeps (50 µs growing to 1 ms).
 *
 * <p>Trade-off: no native code at all, at the price of wake-up latency up to the current sleep.
 */
final class PollingParker implements Parker {
  private static final long MAX_SLEEP = TimeUnit.MILLISECONDS.toNanos(1);

  @Override
  public void await(Segment segment, int offset, int expected, long timeoutNanos)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    long sleep = 50_000;
    while (segment.getInt(offset) == expected) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      LockSupport.parkNanos(Math.min(sleep, left));
      sleep = Math.min(sleep * 2, MAX_SLEEP);
    }
  }

  @Override
  public void wake(Segment segment, int offset, int count) {
    // waiters poll
  }
}
