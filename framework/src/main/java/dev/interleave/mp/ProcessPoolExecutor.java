package dev.interleave.mp;

import dev.interleave.internal.pool.Chunk;
import dev.interleave.internal.pool.Failure;
import dev.interleave.internal.pool.Job;
import dev.interleave.internal.pool.PoolCore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * An {@link ExecutorService} whose tasks run in worker processes, as CPython's {@code
 * concurrent.futures.ProcessPoolExecutor} is to Python: code that expects an {@code
 * ExecutorService} can be handed one.
 *
 * <pre>{@code
 * try (ProcessPoolExecutor executor = new ProcessPoolExecutor(4)) {
 *   CompletableFuture<Integer> f = executor.submit((Task.Zero<Integer>) () -> 6 * 7);
 *   System.out.println(f.get());
 * }                                          // shutdown() and wait, as Java's close() does
 * }</pre>
 *
 * <p><b>Tasks</b> must be {@link java.io.Serializable} (a {@link Task.Zero} is a serializable
 * {@code Callable}); a task that is not, or cannot be serialized, is rejected at submission with
 * {@link RejectedExecutionException} naming its class. A task runs on a copy in a worker; its
 * result comes back as a copy. It shares the mechanics of {@link Pool}: a task whose worker dies
 * fails with {@link WorkerLostException} (as an {@link java.util.concurrent.ExecutionException}'s
 * cause) while the other tasks go on; if workers can no longer be started the executor is
 * broken, like CPython's {@code BrokenProcessPool}: every queued task fails with {@link
 * BrokenPoolException}, and so is every later submission rejected.
 *
 * <p><b>Futures</b> are {@link CompletableFuture}s completed on a pool thread; a task's exception
 * is the cause of the {@code ExecutionException}, with a {@link RemoteTraceback} attached as in
 * {@link AsyncResult}. Cancelling a future whose task no worker has been sent keeps it from
 * running; cancelling a running one completes the future but does not stop the worker (as
 * CPython's {@code Future.cancel} cannot either).
 *
 * <p><b>Under a harness</b>, an executor made in a scenario body has no reader threads: a
 * thread that waits on one of its futures ({@code get}, {@code join}, or a stage made from one
 * with {@code thenApply} and its kin) reads the workers' answers itself, each receive a
 * scheduling point, and blocks on the pool between answers, as {@link AsyncResult#get()} does.
 * {@code CompletableFuture.allOf} and {@code anyOf} build plain futures that the executor never
 * sees: wait on each future, or use {@link #invokeAll} and {@link #invokeAny}, instead.
 *
 * <p><b>Shutdown</b> follows {@code java.util.concurrent}: {@link #shutdown()} stops accepting
 * tasks and lets queued ones run; {@link #shutdownNow()} terminates the workers (their running
 * tasks fail with {@link java.util.concurrent.CancellationException}) and returns the tasks that
 * no worker was sent, as runnables that run them in the calling thread and complete their
 * futures; {@link #awaitTermination} waits for the workers to exit; {@link #close()} is {@code
 * shutdown()} and waiting, as Java 19's {@code ExecutorService.close()} and CPython's {@code with}
 * block are.
 *
 * <p><b>Memory consistency effects:</b> actions in a thread prior to submitting a task
 * happen-before its execution in the worker (on copies), which happens-before the completion of
 * its future.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ProcessPoolExecutor implements ExecutorService, AutoCloseable {
  private final PoolCore core;
  private final PoolWait wait;

  /** An executor with {@link Pool#cpuCount()} workers. */
  public ProcessPoolExecutor() {
    this(Pool.cpuCount());
  }

  /**
   * An executor with {@code maxWorkers} workers.
   *
   * @throws IllegalArgumentException if {@code maxWorkers < 1}
   */
  public ProcessPoolExecutor(int maxWorkers) {
    this(maxWorkers, null, null, 0);
  }

  /**
   * An executor whose workers call {@code initializer(initArg)} first (a null initializer for
   * none) and are replaced after {@code maxTasksPerChild} tasks (0: never), as CPython 3.11's.
   */
  public <A> ProcessPoolExecutor(int maxWorkers, Target.One<A> initializer, A initArg,
      int maxTasksPerChild) {
    this.core = PoolSetup.start(maxWorkers, initializer == null ? null
        : TaskCall.of(TaskCall.Kind.TARGET_ONE, initializer), new Object[] {initArg},
        maxTasksPerChild);
    this.wait = new PoolWait(core);
  }

  /**
   * Submits {@code task} to run in a worker.
   *
   * @throws RejectedExecutionException if the executor is shut down or broken, or the task
   *     cannot be serialized (naming its class)
   * @throws NullPointerException if {@code task} is null
   */
  @Override
  public <T> CompletableFuture<T> submit(Callable<T> task) {
    return submitCall(TaskCall.Kind.CALLABLE, Objects.requireNonNull(task, "task"), task);
  }

  /** Submits {@code task}; its future completes with null. */
  @Override
  public CompletableFuture<?> submit(Runnable task) {
    return submitCall(TaskCall.Kind.RUNNABLE, Objects.requireNonNull(task, "task"), task);
  }

  /** Submits {@code task}; its future completes with {@code result}. */
  @Override
  public <T> CompletableFuture<T> submit(Runnable task, T result) {
    return submit(task).thenApply(ignored -> result);
  }

  /** Submits {@code command}, ignoring its result. */
  @Override
  public void execute(Runnable command) {
    submit(command);
  }

  private <T> CompletableFuture<T> submitCall(TaskCall.Kind kind, Object fn, Object original) {
    TaskCall call;
    try {
      call = TaskCall.of(kind, fn);
    } catch (IllegalArgumentException e) {
      throw new RejectedExecutionException(e.getMessage(), e);
    }
    FutureJob<T> job = new FutureJob<>(original, this.<T>newFuture());
    try {
      PoolSetup.checkRunning(core);
      Chunk chunk = new Chunk(job, 0, 0, 1, core.functions().of(call),
          PoolSetup.encodeOne(new Object[0]));
      PoolSetup.submit(core, PoolJobs.listed(job, List.of(chunk)));
    } catch (IllegalArgumentException | IllegalStateException | BrokenPoolException e) {
      throw new RejectedExecutionException("cannot submit " + original.getClass().getName()
          + ": " + e.getMessage(), e);
    }
    return job.future;
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return Invoke.all(this, tasks, null);
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout,
      TimeUnit unit) throws InterruptedException {
    return Invoke.all(this, tasks, Duration.ofNanos(unit.toNanos(timeout)));
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, java.util.concurrent.ExecutionException {
    try {
      return Invoke.any(this, tasks, null);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no timeout was given", e);
    }
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, java.util.concurrent.ExecutionException, TimeoutException {
    return Invoke.any(this, tasks, Duration.ofNanos(unit.toNanos(timeout)));
  }

  /** Stops accepting tasks; queued tasks still run, and the workers exit after them. */
  @Override
  public void shutdown() {
    core.close();
  }

  /**
   * Terminates the workers at once: running tasks' futures fail with {@link
   * java.util.concurrent.CancellationException}; returns the tasks no worker was sent.
   */
  @Override
  public List<Runnable> shutdownNow() {
    List<Job> queued;
    try {
      queued = core.terminateNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      queued = List.of();
    }
    List<Runnable> never = new ArrayList<>();
    for (Job j : queued) {
      if (j instanceof FutureJob<?> f && !f.future.isDone()) {
        never.add(f);
      }
    }
    return never;
  }

  @Override
  public boolean isShutdown() {
    return core.state() != PoolCore.State.RUN;
  }

  @Override
  public boolean isTerminated() {
    return isShutdown() && core.allExited();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    if (!isShutdown()) {
      return awaitAfterShutdown(unit.toNanos(timeout));
    }
    return PoolSetup.join(core, wait, Duration.ofNanos(Math.max(0, unit.toNanos(timeout))));
  }

  private boolean awaitAfterShutdown(long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    while (!isShutdown()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.sleep(Math.min(left, 10_000_000L));
    }
    return PoolSetup.join(core, wait, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /** {@link #shutdown()}, then waits for the workers to exit (Java 19's {@code close()}). */
  @Override
  public void close() {
    shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        PoolSetup.join(core, wait, null);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        shutdownNow();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A future of this executor: waiting on it reads the workers' answers under a harness. */
  <T> CompletableFuture<T> newFuture() {
    return new PoolFuture<>(wait);
  }

  @Override
  public String toString() {
    return "<ProcessPoolExecutor " + core.id() + " state=" + core.state() + " workers="
        + core.processes() + ">";
  }

  /** A submitted task: its future, and (for {@link #shutdownNow}) a local run of it. */
  private static final class FutureJob<T> implements Job, Runnable {
    final CompletableFuture<T> future;
    private final Object task;

    FutureJob(Object task, CompletableFuture<T> future) {
      this.task = task;
      this.future = future;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void chunkDone(int index, List<Object> values) {
      future.complete((T) values.get(0));
    }

    @Override
    public void chunkFailed(int index, Failure failure) {
      future.completeExceptionally(PoolFailures.toException(failure));
    }

    @Override
    public void jobFailed(Failure failure) {
      chunkFailed(0, failure);
    }

    @Override
    public boolean abandoned() {
      return future.isDone();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
      try {
        if (task instanceof Callable<?> c) {
          future.complete((T) c.call());
        } else {
          ((Runnable) task).run();
          future.complete(null);
        }
      } catch (Exception | Error e) {
        future.completeExceptionally(e);
      }
    }
  }

  /**
   * A future whose blocking waits first let the pool deliver answers on the waiting thread when
   * it runs under a harness (see {@link PoolWait#until}); elsewhere they are {@link
   * CompletableFuture}'s own. Stages made from it are of this class too.
   */
  private static final class PoolFuture<T> extends CompletableFuture<T> {
    private final PoolWait wait;

    PoolFuture(PoolWait wait) {
      this.wait = wait;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new PoolFuture<>(wait);
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
      wait.until(this::isDone, null);
      return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      long nanos = unit.toNanos(timeout);
      long start = System.nanoTime();
      if (!wait.until(this::isDone, Duration.ofNanos(Math.max(0, nanos)))) {
        throw new TimeoutException("no result within " + timeout + " " + unit);
      }
      return super.get(Math.max(0, nanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
    }

    @Override
    public T join() {
      boolean interrupted = false;
      while (true) {
        try {
          wait.until(this::isDone, null);
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return super.join();
    }
  }
}
