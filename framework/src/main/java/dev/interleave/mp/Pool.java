package dev.interleave.mp;

import dev.interleave.internal.pool.Chunk;
import dev.interleave.internal.pool.FunctionCache;
import dev.interleave.internal.pool.Job;
import dev.interleave.internal.pool.PoolCore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A pool of worker processes that run tasks, as CPython's {@code multiprocessing.Pool}.
 *
 * <pre>{@code
 * try (Pool pool = new Pool(4)) {                        // with Pool(4) as pool:
 *   List<Integer> squares = pool.map(Example::square, List.of(1, 2, 3));
 *   AsyncResult<Integer> r = pool.applyAsync(Example::square, 10);
 *   System.out.println(r.get(Duration.ofSeconds(1)));    // r.get(timeout=1)
 * }                                                      // terminate(), as __exit__ does
 * }</pre>
 *
 * <p><b>Workers</b> are daemonic child JVMs ({@code PoolWorker-N}) started through {@link
 * Process}, so they come from the warm JVMs when one is waiting. A task is a {@link Task}
 * function: it, its arguments and its result travel serialized, so a task works on copies; an
 * unserializable function or argument fails at submission with {@link IllegalArgumentException}
 * naming its class. Interleave's shared objects ({@link Lock}, {@link Queue}, {@link Event}, pipe
 * ends) can be task arguments: unlike CPython, where a {@code Queue} passed to a pool task raises
 * {@code RuntimeError} and a {@code Manager().Queue()} is needed, here every copy is the same
 * queue.
 *
 * <p><b>Chunks.</b> {@link #map} and its relatives send tasks to workers in chunks; by default
 * {@code chunksize = ceil(tasks / (4 * processes))}, CPython's formula, and 1 for {@link #imap}.
 * The function is sent to each worker once, not with every chunk.
 *
 * <p><b>A worker that dies</b> (killed, {@code System.exit} in a task, a crashed JVM) fails the
 * chunk it was running with {@link WorkerLostException} naming the worker and its exit status,
 * within a second; the pool starts a replacement, the chunks the worker had not started run
 * elsewhere, and {@code map} throws instead of hanging as CPython's does (gh-66587). If workers
 * cannot be started (the initializer throws, a JVM cannot be launched, three workers in a row die
 * before they are ready), the pool is broken: every queued task and every later submission fails
 * with {@link BrokenPoolException}.
 *
 * <p><b>Lifecycle</b>, as CPython's: {@code RUN}; {@link #shutdown()} (CPython's {@code close()})
 * stops accepting tasks and lets the workers exit once the queued tasks are done; {@link
 * #terminate()} stops the workers at once and fails the tasks that did not complete with {@link
 * java.util.concurrent.CancellationException} (CPython leaves their results waiting forever);
 * {@link #join()} waits for the workers to exit after either. {@link #close()} is {@link
 * #terminate()}, so that try-with-resources ends a pool as CPython's {@code with} statement does.
 * A submission after {@code shutdown} or {@code terminate} throws {@link IllegalStateException}.
 *
 * <p><b>Callbacks</b> given to the {@code *Async} methods run on a thread of the pool, before the
 * result becomes ready; see {@link AsyncResult}.
 *
 * <p><b>Thread safety.</b> All methods may be called from any thread of the process that made the
 * pool. A pool cannot be passed to another process.
 *
 * <p><b>Memory consistency effects:</b> actions in a thread prior to submitting a task
 * happen-before the task's execution in its worker (on copies), which happens-before the return
 * of the result in the submitting process.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Pool implements AutoCloseable {
  private final PoolCore core;
  private final PoolWait wait;

  /** A pool of {@link #cpuCount()} workers (CPython's {@code Pool()}). */
  public Pool() {
    this(cpuCount());
  }

  /**
   * A pool of {@code processes} workers.
   *
   * @throws IllegalArgumentException if {@code processes < 1}
   */
  public Pool(int processes) {
    this(PoolSetup.start(processes, null, new Object[0], 0));
  }

  /** A pool whose workers each call {@code initializer} once before their first task. */
  public Pool(int processes, Target.Zero initializer) {
    this(PoolSetup.start(processes, initializer == null ? null
        : TaskCall.of(TaskCall.Kind.TARGET_ZERO, initializer), new Object[0], 0));
  }

  /**
   * A pool whose workers each call {@code initializer(initArg)} once before their first task
   * (CPython's {@code initializer, initargs}), and each run at most {@code maxTasksPerChild}
   * chunks before the pool replaces them with fresh workers (0: no limit; CPython's {@code None}).
   *
   * @throws IllegalArgumentException if {@code processes < 1}, {@code maxTasksPerChild < 0}, or
   *     the initializer or its argument cannot be serialized
   */
  public <A> Pool(int processes, Target.One<A> initializer, A initArg, int maxTasksPerChild) {
    this(PoolSetup.start(processes, initializer == null ? null
        : TaskCall.of(TaskCall.Kind.TARGET_ONE, initializer), new Object[] {initArg},
        maxTasksPerChild));
  }

  private Pool(PoolCore core) {
    this.core = core;
    this.wait = new PoolWait(core);
  }

  /** The number of processors available to this JVM (CPython's {@code os.cpu_count()}). */
  public static int cpuCount() {
    return Runtime.getRuntime().availableProcessors();
  }

  // ---- apply ----

  /** Calls {@code f()} in a worker and waits for its result (CPython's {@code apply}). */
  public <R> R apply(Task.Zero<R> f) throws InterruptedException {
    return applyAsync(f).get();
  }

  /**
   * Calls {@code f(a)} in a worker and waits for its result, rethrowing its failure as {@link
   * AsyncResult#get()} does.
   *
   * @throws IllegalArgumentException if {@code f} or {@code a} cannot be serialized
   * @throws IllegalStateException if the pool was shut down or terminated
   * @throws InterruptedException if interrupted while waiting
   */
  public <A, R> R apply(Task.One<A, R> f, A a) throws InterruptedException {
    return applyAsync(f, a).get();
  }

  /** Calls {@code f(a, b)} in a worker and waits for its result. */
  public <A, B, R> R apply(Task.Two<A, B, R> f, A a, B b) throws InterruptedException {
    return applyAsync(f, a, b).get();
  }

  /** Calls {@code f(a, b, c)} in a worker and waits for its result. */
  public <A, B, C, R> R apply(Task.Three<A, B, C, R> f, A a, B b, C c)
      throws InterruptedException {
    return this.<R>submitOne(TaskCall.of(TaskCall.Kind.THREE, f), new Object[] {a, b, c}, null,
        null).get();
  }

  /** Calls {@code f()} in a worker; returns at once (CPython's {@code apply_async}). */
  public <R> AsyncResult<R> applyAsync(Task.Zero<R> f) {
    return submitOne(TaskCall.of(TaskCall.Kind.ZERO, f), new Object[0], null, null);
  }

  /**
   * Calls {@code f(a)} in a worker; returns at once.
   *
   * @throws IllegalArgumentException if {@code f} or {@code a} cannot be serialized
   * @throws IllegalStateException if the pool was shut down or terminated
   */
  public <A, R> AsyncResult<R> applyAsync(Task.One<A, R> f, A a) {
    return submitOne(TaskCall.of(TaskCall.Kind.ONE, f), new Object[] {a}, null, null);
  }

  /** Calls {@code f(a, b)} in a worker; returns at once. */
  public <A, B, R> AsyncResult<R> applyAsync(Task.Two<A, B, R> f, A a, B b) {
    return submitOne(TaskCall.of(TaskCall.Kind.TWO, f), new Object[] {a, b}, null, null);
  }

  /**
   * Calls {@code f(a)} in a worker; returns at once. When the task completes, {@code callback}
   * (may be null) receives its result; when it fails, {@code errorCallback} (may be null)
   * receives the exception {@code get()} would throw. Both run on a pool thread.
   */
  public <A, R> AsyncResult<R> applyAsync(Task.One<A, R> f, A a, Consumer<? super R> callback,
      Consumer<? super Throwable> errorCallback) {
    return submitOne(TaskCall.of(TaskCall.Kind.ONE, f), new Object[] {a}, callback,
        errorCallback);
  }

  private <R> AsyncResult<R> submitOne(TaskCall call, Object[] args, Consumer<? super R> callback,
      Consumer<? super Throwable> errorCallback) {
    PoolSetup.checkRunning(core);
    AsyncResult<R> result = new AsyncResult<>(callback, errorCallback, wait);
    PoolJobs.Apply<R> job = new PoolJobs.Apply<>(result);
    FunctionCache.Entry f = core.functions().of(call);
    byte[] body = PoolSetup.encodeOne(args);
    PoolSetup.submit(core, PoolJobs.listed(job, List.of(new Chunk(job, 0, 0, 1, f, body))));
    return result;
  }

  // ---- map ----

  /**
   * Calls {@code f} on every element in workers and returns the results in order (CPython's
   * {@code map}), with the default chunksize.
   *
   * @throws IllegalArgumentException if {@code f} or an element cannot be serialized (naming its
   *     position and class)
   * @throws IllegalStateException if the pool was shut down or terminated
   * @throws InterruptedException if interrupted while waiting
   */
  public <A, R> List<R> map(Task.One<A, R> f, Iterable<? extends A> iterable)
      throws InterruptedException {
    return mapAsync(f, iterable).get();
  }

  /**
   * {@link #map(Task.One, Iterable)} sending {@code chunksize} tasks at a time.
   *
   * @throws IllegalArgumentException if {@code chunksize < 1}
   */
  public <A, R> List<R> map(Task.One<A, R> f, Iterable<? extends A> iterable, int chunksize)
      throws InterruptedException {
    return mapAsync(f, iterable, chunksize, null, null).get();
  }

  /** {@link #map(Task.One, Iterable)} returning at once (CPython's {@code map_async}). */
  public <A, R> AsyncResult<List<R>> mapAsync(Task.One<A, R> f, Iterable<? extends A> iterable) {
    return mapAsync(f, iterable, 0, null, null);
  }

  /**
   * {@link #map(Task.One, Iterable)} returning at once; {@code chunksize} 0 for the default, and
   * callbacks (may be null) as for {@link #applyAsync(Task.One, Object, Consumer, Consumer)},
   * {@code callback} receiving the whole list.
   *
   * @throws IllegalArgumentException if {@code chunksize < 0}
   */
  public <A, R> AsyncResult<List<R>> mapAsync(Task.One<A, R> f, Iterable<? extends A> iterable,
      int chunksize, Consumer<? super List<R>> callback,
      Consumer<? super Throwable> errorCallback) {
    return submitAll(TaskCall.of(TaskCall.Kind.ONE, f), PoolSetup.single(iterable), chunksize,
        callback, errorCallback);
  }

  /**
   * Calls {@code f} with each argument list as its arguments (CPython's {@code starmap}: {@code
   * f(*args)}), returning the results in order.
   */
  public <R> List<R> starmap(Task.Star<R> f, Iterable<? extends List<?>> argLists)
      throws InterruptedException {
    return starmapAsync(f, argLists, 0, null, null).get();
  }

  /** {@link #starmap} sending {@code chunksize} tasks at a time. */
  public <R> List<R> starmap(Task.Star<R> f, Iterable<? extends List<?>> argLists, int chunksize)
      throws InterruptedException {
    PoolSetup.checkChunksize(chunksize);
    return starmapAsync(f, argLists, chunksize, null, null).get();
  }

  /** {@link #starmap} returning at once; {@code chunksize} 0 for the default. */
  public <R> AsyncResult<List<R>> starmapAsync(Task.Star<R> f,
      Iterable<? extends List<?>> argLists, int chunksize, Consumer<? super List<R>> callback,
      Consumer<? super Throwable> errorCallback) {
    return submitAll(TaskCall.of(TaskCall.Kind.STAR, f), PoolSetup.star(argLists), chunksize,
        callback, errorCallback);
  }

  private <R> AsyncResult<List<R>> submitAll(TaskCall call, List<Object[]> args, int chunksize,
      Consumer<? super List<R>> callback, Consumer<? super Throwable> errorCallback) {
    if (chunksize < 0) {
      PoolSetup.checkChunksize(chunksize);
    }
    PoolSetup.checkRunning(core);
    int size = chunksize > 0 ? chunksize : PoolSetup.defaultChunksize(args.size(), core.processes());
    AsyncResult<List<R>> result = new AsyncResult<>(callback, errorCallback, wait);
    if (args.isEmpty()) {
      result.succeed(new ArrayList<>());
      return result;
    }
    PoolJobs.MapAll<R> job = new PoolJobs.MapAll<>(result, args.size(),
        PoolJobs.starts(args.size(), size));
    FunctionCache.Entry f = core.functions().of(call);
    PoolSetup.submit(core, PoolJobs.listed(job, PoolJobs.chunks(job, f, args, size)));
    return result;
  }

  // ---- imap ----

  /**
   * Calls {@code f} on every element in workers, returning an iterator over the results in order
   * as they arrive (CPython's {@code imap}); elements are taken from {@code iterable} as workers
   * can take them, one task at a time.
   */
  public <A, R> PoolIterator<R> imap(Task.One<A, R> f, Iterable<? extends A> iterable) {
    return imap(f, iterable, 1);
  }

  /**
   * {@link #imap(Task.One, Iterable)} sending {@code chunksize} tasks at a time.
   *
   * @throws IllegalArgumentException if {@code chunksize < 1}
   */
  public <A, R> PoolIterator<R> imap(Task.One<A, R> f, Iterable<? extends A> iterable,
      int chunksize) {
    return iterate(f, iterable, chunksize, true);
  }

  /** {@link #imap(Task.One, Iterable)} yielding results as they complete (CPython's {@code imap_unordered}). */
  public <A, R> PoolIterator<R> imapUnordered(Task.One<A, R> f, Iterable<? extends A> iterable) {
    return imapUnordered(f, iterable, 1);
  }

  /** {@link #imapUnordered(Task.One, Iterable)} sending {@code chunksize} tasks at a time. */
  public <A, R> PoolIterator<R> imapUnordered(Task.One<A, R> f, Iterable<? extends A> iterable,
      int chunksize) {
    return iterate(f, iterable, chunksize, false);
  }

  private <A, R> PoolIterator<R> iterate(Task.One<A, R> f, Iterable<? extends A> iterable,
      int chunksize, boolean ordered) {
    PoolSetup.checkChunksize(chunksize);
    PoolSetup.checkRunning(core);
    FunctionCache.Entry entry = core.functions().of(TaskCall.of(TaskCall.Kind.ONE, f));
    PoolIterator<R> results = new PoolIterator<>(ordered, wait);
    Job job = results.job();
    Iterator<? extends A> it = java.util.Objects.requireNonNull(iterable, "iterable").iterator();
    Iterator<Object[]> args = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Object[] next() {
        return new Object[] {it.next()};
      }
    };
    PoolSetup.submit(core, PoolJobs.lazy(results, job, entry, args, chunksize));
    return results;
  }

  // ---- lifecycle ----

  /**
   * Stops accepting tasks; the workers exit once every queued task is done (CPython's {@code
   * close()}). Returns at once; idempotent, and allowed after {@link #terminate()}.
   */
  public void shutdown() {
    core.close();
  }

  /**
   * Stops every worker now (SIGTERM, then SIGKILL after 5 s) and waits for them to exit; tasks
   * that did not complete fail with {@link java.util.concurrent.CancellationException}
   * (CPython's {@code terminate()}). Idempotent.
   */
  public void terminate() {
    try {
      core.terminate();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for the workers to exit, after {@link #shutdown()} or {@link #terminate()}.
   *
   * @throws IllegalStateException if the pool is still running (CPython raises {@code
   *     ValueError})
   * @throws InterruptedException if interrupted while waiting
   */
  public void join() throws InterruptedException {
    PoolSetup.join(core, wait, null);
  }

  /**
   * Waits at most {@code timeout} for the workers to exit; returns whether they did.
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public boolean join(Duration timeout) throws InterruptedException {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative but was: " + timeout);
    }
    return PoolSetup.join(core, wait, timeout);
  }

  /** {@link #terminate()}: the end of try-with-resources, as CPython's {@code __exit__}. */
  @Override
  public void close() {
    terminate();
  }

  /** The number of workers the pool keeps. */
  public int processes() {
    return core.processes();
  }

  /** The pids of the live workers, for diagnostics and tests. */
  public List<Long> workerPids() {
    return core.workerPids();
  }

  @Override
  public String toString() {
    return "<Pool " + core.id() + " state=" + core.state() + " processes=" + core.processes()
        + ">";
  }
}
