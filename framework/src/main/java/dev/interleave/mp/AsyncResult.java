package dev.interleave.mp;

import dev.interleave.internal.pool.Failure;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The result of {@link Pool#applyAsync} or {@link Pool#mapAsync}, as CPython's {@code
 * AsyncResult}: ready once the task (all tasks, for a map) completed or one failed.
 *
 * <p><b>Failures.</b> {@link #get()} rethrows what the task threw: a copy of its exception whose
 * cause is a {@link RemoteTraceback} with the worker's stack trace (CPython's {@code
 * RemoteTraceback}; when the exception already had a cause, the trace is added as suppressed). A
 * checked exception is rethrown wrapped in {@link TaskFailedException}, as is one that could not
 * be sent back (then with its text). A task whose worker died fails with {@link
 * WorkerLostException}; one that the pool dropped on {@link Pool#terminate()} with {@link
 * CancellationException}; one that a broken pool could not run with {@link BrokenPoolException}.
 * A map fails as soon as one of its tasks fails, with that task's exception.
 *
 * <p><b>Callbacks.</b> A callback given at submission runs on a thread of the pool before the
 * result becomes ready (so a caller woken by {@link #get()} sees its effects); it should return
 * quickly, since it delays the delivery of the worker's other results. An exception it throws is
 * printed to {@code System.err} and otherwise ignored.
 *
 * <p><b>Blocking.</b> {@link #get()} and {@link #await()} block until the result is ready; they
 * throw {@link InterruptedException} when the waiting thread is interrupted. The {@code Duration}
 * forms wait at most that long.
 *
 * <p><b>Memory consistency effects:</b> actions of the task in its worker, and of the callback,
 * happen-before a successful return from {@code get} or {@code await}, or a {@code true} from
 * {@link #ready()}.
 *
 * <p>Thread-safe. Instances are created by {@link Pool} only.
 *
 * @param <T> the result type
 */
@API(status = API.Status.EXPERIMENTAL)
public final class AsyncResult<T> {
  private final CompletableFuture<T> future = new CompletableFuture<>();
  private final Consumer<? super T> callback;
  private final Consumer<? super Throwable> errorCallback;
  private final PoolWait wait;

  AsyncResult(Consumer<? super T> callback, Consumer<? super Throwable> errorCallback,
      PoolWait wait) {
    this.callback = callback;
    this.errorCallback = errorCallback;
    this.wait = wait;
  }

  /**
   * Waits for the result and returns it, or rethrows the task's failure (see the class comment).
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public T get() throws InterruptedException {
    await();
    return now();
  }

  /**
   * Waits at most {@code timeout} for the result and returns it (CPython's {@code get(timeout)}).
   *
   * @throws TimeoutException if the result is not ready within {@code timeout} (CPython's {@code
   *     multiprocessing.TimeoutError})
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws InterruptedException if interrupted while waiting
   */
  public T get(Duration timeout) throws InterruptedException, TimeoutException {
    if (!await(timeout)) {
      throw new TimeoutException("the result was not ready within " + timeout);
    }
    return now();
  }

  /** Waits until the result is ready (CPython's {@code wait()}). */
  public void await() throws InterruptedException {
    wait.await(future, null);
  }

  /**
   * Waits at most {@code timeout} until the result is ready; returns whether it is (CPython's
   * {@code wait(timeout)} returns nothing).
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public boolean await(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative but was: " + timeout);
    }
    return wait.await(future, timeout);
  }

  /** Whether the result is ready: the task completed or failed. */
  public boolean ready() {
    return future.isDone();
  }

  /**
   * Whether the task completed without failing.
   *
   * @throws IllegalStateException if the result is not ready (CPython raises {@code ValueError})
   */
  public boolean successful() {
    if (!future.isDone()) {
      throw new IllegalStateException(this + " is not ready");
    }
    return !future.isCompletedExceptionally();
  }

  private T now() {
    try {
      return future.get(0, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("the result was ready", e);
    }
  }

  static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new TaskFailedException("task failed: " + t, t);
  }

  /** Completes with {@code value}, after the callback. Called by the pool. */
  void succeed(T value) {
    if (future.isDone()) {
      return;
    }
    if (callback != null) {
      runCallback(() -> callback.accept(value));
    }
    future.complete(value);
  }

  /** Completes with a failure, after the error callback. Called by the pool. */
  void fail(Failure failure) {
    if (future.isDone()) {
      return;
    }
    Throwable error = PoolFailures.toException(failure);
    if (errorCallback != null) {
      runCallback(() -> errorCallback.accept(error));
    }
    future.completeExceptionally(error);
  }

  private static void runCallback(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException | Error e) {
      System.err.println("Exception in a pool callback (ignored):");
      e.printStackTrace();
    }
  }

  @Override
  public String toString() {
    return "<AsyncResult " + (!future.isDone() ? "pending"
        : future.isCompletedExceptionally() ? "failed" : "ready") + ">";
  }
}
