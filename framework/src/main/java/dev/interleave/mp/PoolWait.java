package dev.interleave.mp;

import dev.interleave.internal.pool.PoolCore;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * How a caller waits for a pool's results: for real, or under a harness as a blocked operation
 * on the pool that a worker's delivery of a result wakes.
 */
final class PoolWait {
  private final PoolCore core;

  PoolWait(PoolCore core) {
    this.core = core;
  }

  /** Waits until {@code f} is done or {@code timeout} (null: none) passed; returns whether done. */
  boolean await(CompletableFuture<?> f, Duration timeout) throws InterruptedException {
    if (core.inline() && Points.controlled()) {
      return until(f::isDone, timeout);
    }
    try {
      if (timeout == null) {
        f.get();
      } else {
        f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException | CancellationException failed) {
      return true;
    } catch (TimeoutException e) {
      return false;
    }
    return true;
  }

  /**
   * Under a harness (for a pool made there): reads the workers' answers on this thread until
   * {@code done}, blocking on the pool between answers (a worker's delivery wakes it). Without
   * one, returns true at once and the caller waits for real.
   */
  boolean until(BooleanSupplier done, Duration timeout) throws InterruptedException {
    if (!core.inline() || !Points.controlled()) {
      return true;
    }
    long nanos = timeout == null ? -1 : timeout.toNanos();
    while (true) {
      core.pump();
      if (done.getAsBoolean()) {
        return true;
      }
      if (!Points.await(Op.POOL_RESULT, core.id(), "get",
          () -> done.getAsBoolean() || core.anyAnswer(), nanos, null)) {
        return false;
      }
    }
  }
}
