package dev.interleave.internal.manager;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The barrier behind a barrier proxy. Timeouts in nanoseconds, negative = forever. */
public final class ManagedBarrier {
  private final CyclicBarrier barrier;
  /** Set by {@link #abort()} until {@link #reset()}: CPython's barrier stays broken meanwhile. */
  private volatile boolean aborted;

  public ManagedBarrier(int parties) {
    if (parties <= 0) {
      throw new IllegalArgumentException("parties must be positive but was: " + parties);
    }
    this.barrier = new CyclicBarrier(parties);
  }

  /** The arrival index (parties - 1 for the first), or -1 if the barrier broke or timed out. */
  public int await(long nanos) throws InterruptedException {
    if (aborted) {
      return -1;
    }
    try {
      int arrival = nanos < 0 ? barrier.await() : barrier.await(nanos, TimeUnit.NANOSECONDS);
      return barrier.getParties() - 1 - arrival;
    } catch (BrokenBarrierException | TimeoutException e) {
      return -1;
    }
  }

  public int parties() {
    return barrier.getParties();
  }

  public int nWaiting() {
    return barrier.getNumberWaiting();
  }

  public boolean broken() {
    return aborted || barrier.isBroken();
  }

  /** Returns the barrier to its empty, unbroken state; current waiters see it broken. */
  public void reset() {
    aborted = false;
    barrier.reset();
  }

  /**
   * Breaks the barrier until {@link #reset()}, as CPython's {@code abort()}: current waiters
   * and every later {@code wait} see it broken (CyclicBarrier has no abort: its reset breaks the
   * current waiters, the flag the later ones).
   */
  public void abort() {
    aborted = true;
    barrier.reset();
  }
}
