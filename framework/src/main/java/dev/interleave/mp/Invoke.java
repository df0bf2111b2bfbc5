package dev.interleave.mp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code invokeAll} and {@code invokeAny} of {@link ProcessPoolExecutor}, with their JDK contracts. */
final class Invoke {
  private Invoke() {}

  static <T> List<Future<T>> all(ProcessPoolExecutor ex, Collection<? extends Callable<T>> tasks,
      Duration timeout) throws InterruptedException {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    try {
      for (Callable<T> t : tasks) {
        futures.add(ex.submit(t));
      }
      for (Future<T> f : futures) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          cancelAll(futures);
          return futures;
        }
        try {
          f.get(left, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | CancellationException done) {
          // a completed future; the caller reads its failure
        } catch (TimeoutException e) {
          cancelAll(futures);
          return futures;
        }
      }
      return futures;
    } catch (InterruptedException | RuntimeException e) {
      cancelAll(futures);
      throw e;
    }
  }

  static <T> T any(ProcessPoolExecutor ex, Collection<? extends Callable<T>> tasks,
      Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("invokeAny needs at least one task");
    }
    List<CompletableFuture<T>> futures = new ArrayList<>(tasks.size());
    try {
      for (Callable<T> t : tasks) {
        futures.add(ex.submit(t));
      }
      CompletableFuture<T> first = firstSuccess(futures, ex.newFuture());
      return timeout == null ? first.get() : first.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } finally {
      cancelAll(futures);
    }
  }

  /** Completes with the first successful result, or the last failure once all failed. */
  private static <T> CompletableFuture<T> firstSuccess(List<CompletableFuture<T>> futures,
      CompletableFuture<T> first) {
    int[] failed = {0};
    for (CompletableFuture<T> f : futures) {
      f.whenComplete((value, error) -> {
        if (error == null) {
          first.complete(value);
          return;
        }
        synchronized (failed) {
          if (++failed[0] == futures.size()) {
            first.completeExceptionally(error instanceof java.util.concurrent.CompletionException
                ? error.getCause() : error);
          }
        }
      });
    }
    return first;
  }

  private static void cancelAll(List<? extends Future<?>> futures) {
    for (Future<?> f : futures) {
      f.cancel(true);
    }
  }
}
