package dev.interleave.internal.pool;

import dev.interleave.internal.ipc.RingChannel;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine of a process pool: workers, the chunks waiting for them, and the pool's lifecycle
 * ({@code RUN → CLOSE → (workers exit)} or {@code → TERMINATE}).
 *
 * <p>Each worker has its own pipe, and the pool sends it at most {@link #PREFETCH} chunks ahead,
 * so the pool always knows which chunks a worker holds: when a worker dies, the chunk it was
 * running fails with a {@link Failure.Kind#LOST} failure naming it and its exit status, the
 * chunks it had not started go back to the queue, and a replacement is started. A worker's
 * answers are read by a thread of its own, which runs the jobs' callbacks and sends the worker
 * its next chunks.
 */
public final class PoolCore {
  /** Chunks a worker may hold at once: one running, the rest waiting in its pipe. */
  static final int PREFETCH = 4;
  /** Average chunk round trip below which workers are sent chunks ahead. */
  static final long PREFETCH_BELOW_NANOS = 2_000_000L;
  /** Bytes of waiting chunks a worker's pipe may hold (a quarter of its ring), so sends never block. */
  static final long PIPE_BUDGET = 256 * 1024;
  /** Workers dying before they are ready, one after another, that make the pool broken. */
  static final int START_FAILURES = 3;
  private static final AtomicInteger POOLS = new AtomicInteger();
  private static final long START_MILLIS = System.currentTimeMillis();

  /** The lifecycle, as CPython's pool states. */
  public enum State { RUN, CLOSE, TERMINATE }

  final Object lock = new Object();
  final String id;
  final FunctionCache functions = new FunctionCache();
  private final int processes;
  private final Settings settings;
  private final Worker.Launcher launcher;
  final Dispatch dispatch;
  private final Lifecycle lifecycle;
  /** Under a harness's control: no reader threads; callers pump answers in their waits. */
  private final boolean inline;

  /** Pool lock. */
  State state = State.RUN;
  /** Pool lock: live workers, and workers being started. */
  final List<WorkerLink> links = new ArrayList<>();
  int starting;
  /** Pool lock: why the pool cannot run tasks any more, or null. */
  Failure broken;
  int startFailures;
  /** Pool lock: moving average of a chunk's time from dispatch to answer, or -1 before any. */
  long averageNanos = -1;

  /**
   * The worker settings.
   *
   * @param initializer called once in each worker before its first task, or null
   * @param initArgs its arguments
   * @param maxTasksPerChild chunks a worker runs before it is replaced; 0 for no limit
   */
  public record Settings(PoolFunction initializer, Object[] initArgs, int maxTasksPerChild) {}

  /** A pool of {@code processes} workers, started now. */
  public PoolCore(int processes, Settings settings, Worker.Launcher launcher) {
    this.id = ProcessHandle.current().pid() + "-" + START_MILLIS + "-pool-"
        + POOLS.incrementAndGet();
    this.processes = processes;
    this.settings = settings;
    this.launcher = launcher;
    this.dispatch = new Dispatch(this);
    this.lifecycle = new Lifecycle(this);
    this.inline = Points.controlled();
    for (int i = 0; i < processes; i++) {
      startWorker(false);
    }
  }

  /**
   * The pool's id, the object of its scheduling points: {@code <pid>-<millis>-pool-<n>}, shaped
   * like shared-memory ids so that a harness names it {@code pool#1} in every schedule.
   */
  public String id() {
    return id;
  }

  /**
   * Whether the pool runs without reader threads, because it was made under a harness's control:
   * every operation on the workers' pipes must then be a controlled step of the calling process,
   * so callers read the answers themselves while they wait ({@link #pump()}).
   */
  public boolean inline() {
    return inline;
  }

  /**
   * Inline mode: reads every answer that has arrived (each receive a scheduling point), hands
   * them to their jobs, handles workers that exited, and sends the workers more work.
   */
  public void pump() throws InterruptedException {
    List<WorkerLink> all;
    synchronized (lock) {
      all = new ArrayList<>(links);
    }
    for (WorkerLink l : all) {
      Reader.drain(this, l);
    }
    dispatch.fillAll();
  }

  /** Whether an answer (or an end-of-file) is waiting from some worker; not a scheduling point. */
  public boolean anyAnswer() {
    synchronized (lock) {
      for (WorkerLink l : links) {
        if (!l.dead && l.channel.pollNow()) {
          return true;
        }
      }
      return false;
    }
  }

  /** The pool's function cache. */
  public FunctionCache functions() {
    return functions;
  }

  /** Pool lock: whether chunks are answered fast enough that sending them ahead pays. */
  boolean prefetchPays() {
    return averageNanos >= 0 && averageNanos < PREFETCH_BELOW_NANOS;
  }

  /** Pool lock: records a chunk's round trip. */
  void answeredAfter(long nanos) {
    averageNanos = averageNanos < 0 ? nanos : (averageNanos * 7 + nanos) / 8;
  }

  /** Whether every worker has exited (and none is being started). */
  public boolean allExited() {
    synchronized (lock) {
      return links.isEmpty() && starting == 0;
    }
  }

  /** How many workers the pool keeps. */
  public int processes() {
    return processes;
  }

  public State state() {
    synchronized (lock) {
      return state;
    }
  }

  /**
   * Queues a job's chunks and sends what workers can take now.
   *
   * @throws IllegalStateException if the pool is not running, naming its state
   */
  public void submit(Source source) {
    synchronized (lock) {
      checkRunning();
      dispatch.add(source);
    }
    dispatch.fillAll();
  }

  /** Fails with the pool's state unless it accepts tasks. */
  public void checkRunning() {
    synchronized (lock) {
      if (state != State.RUN) {
        throw new IllegalStateException("Pool not running: " + id + " is "
            + (state == State.CLOSE ? "closed" : "terminated") + " (state " + state + ")");
      }
      if (broken != null) {
        throw new BrokenException(broken);
      }
    }
  }

  /** CPython's {@code close()}: no more tasks; workers exit once the queued ones are done. */
  public void close() {
    synchronized (lock) {
      if (state == State.RUN) {
        state = State.CLOSE;
      }
    }
    dispatch.fillAll();
  }

  /** CPython's {@code terminate()}: fails what has not completed and stops every worker. */
  public void terminate() throws InterruptedException {
    lifecycle.terminate(false);
  }

  /**
   * {@code terminate()} for {@code shutdownNow}: jobs that no worker was sent are returned
   * instead of failed; the rest fail as for {@link #terminate()}.
   */
  public List<Job> terminateNow() throws InterruptedException {
    return lifecycle.terminate(true);
  }

  /**
   * Waits until every worker has exited; {@code timeout} null for no limit.
   *
   * @return whether they all exited in time
   * @throws IllegalStateException if the pool is still running
   */
  public boolean join(Duration timeout) throws InterruptedException {
    return lifecycle.join(timeout);
  }

  /** Live workers' names and pids, for diagnostics. */
  public List<String> workers() {
    synchronized (lock) {
      List<String> names = new ArrayList<>();
      for (WorkerLink l : links) {
        names.add(l.describe());
      }
      return names;
    }
  }

  /** Pids of the live workers. */
  public List<Long> workerPids() {
    synchronized (lock) {
      List<Long> pids = new ArrayList<>();
      for (WorkerLink l : links) {
        pids.add(l.worker.pid());
      }
      return pids;
    }
  }

  /**
   * Starts one worker and its reader; a failure to start makes the pool broken. {@code reserved}:
   * the caller already counted it in {@link #starting}.
   */
  void startWorker(boolean reserved) {
    synchronized (lock) {
      if (!reserved) {
        starting++;
      }
      if (state == State.TERMINATE || broken != null) {
        starting--;
        lock.notifyAll();
        return;
      }
    }
    RingChannel[] pipe = RingChannel.pipe(true);
    WorkerLink link;
    try {
      WorkerSpec spec = new WorkerSpec(id, pipe[1].handOff(), settings.initializer(),
          settings.initArgs(), settings.maxTasksPerChild());
      link = new WorkerLink(launcher.start(spec), pipe[0]);
    } catch (RuntimeException e) {
      pipe[0].close();
      synchronized (lock) {
        starting--;
        lock.notifyAll();
      }
      breakPool(Failure.broken("cannot start a worker: " + e.getMessage(), e));
      return;
    } finally {
      pipe[1].close();
    }
    Points.point(Op.POOL_WORKER, id, "start " + link.worker.name());
    boolean late;
    synchronized (lock) {
      links.add(link);
      starting--;
      late = state == State.TERMINATE || broken != null;
    }
    if (late) {
      link.worker.stop(false);
    }
    if (!inline) {
      Reader.start(this, link);
    }
    dispatch.fillAll();
  }

  /** Makes the pool broken: everything queued or held fails with {@code failure}. */
  void breakPool(Failure failure) {
    lifecycle.breakPool(failure);
  }

  /** What happens after {@code link}'s worker exited and its last answer was read. */
  void workerExited(WorkerLink link) throws InterruptedException {
    lifecycle.workerExited(link);
  }

  /** Jobs and chunks failed together, delivered outside the lock. */
  static void deliver(List<Chunk> chunks, Failure f) {
    for (Chunk c : chunks) {
      c.job.chunkFailed(c.index, f);
    }
  }

  /** Chunks collected for failing. */
  static List<Chunk> drain(ArrayDeque<Chunk> q) {
    List<Chunk> all = new ArrayList<>(q);
    q.clear();
    return all;
  }

  Settings settings() {
    return settings;
  }

  /** The exception thrown at submission into a broken pool; the public API translates it. */
  public static final class BrokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Failure failure;

    BrokenException(Failure failure) {
      super(failure.message());
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }
}
