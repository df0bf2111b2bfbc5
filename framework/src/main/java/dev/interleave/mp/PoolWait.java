package dev.interleave.mp;

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
  private final String pool;

  PoolWait(String pool) {
    this.pool = pool;
  }

  String pool() {
    return pool;
  }

  /** Waits until {@code f} is done or {@code timeout} (null: none) passed; returns whether done. */
  boolean await(CompletableFuture<?> f, Duration timeout) throws InterruptedException {
    if (Points.controlled()) {
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
   * Under a harness: blocks on the pool until {@code done}; the caller then waits for real as
   * usual. Without one, returns true at once.
   */
  boolean until(BooleanSupplier done, Duration timeout) throws InterruptedException {
    if (!Points.controlled()) {
      return true;
    }
    long nanos = timeout == null ? -1 : timeout.toNanos();
    return Points.await(Op.POOL_RESULT, pool, "get", done, nanos, null);
  }
}
