package dev.interleave.internal.manager;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The barrier behind a barrier proxy. Timeouts in nanoseconds, negative = forever. */
public final class ManagedBarrier {
  private final CyclicBarrier barrier;

  public ManagedBarrier(int parties) {
    if (parties <= 0) {
      throw new IllegalArgumentException("parties must be positive but was: " + parties);
    }
    this.barrier = new CyclicBarrier(parties);
  }

  /** The arrival index (parties - 1 for the first), or -1 if the barrier broke or timed out. */
  public int await(long nanos) throws InterruptedException {
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
    return barrier.isBroken();
  }

  public void reset() {
    barrier.reset();
  }

  /** Breaks the barrier: CyclicBarrier has no abort, so a reset breaks current waiters. */
  public void abort() {
    barrier.reset();
  }
}
