package dev.interleave.internal.pool;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Worker exits, replacement, termination, breaking and joining of a {@link PoolCore}. */
final class Lifecycle {
  private static final Duration EXIT_GRACE = Duration.ofSeconds(1);
  private static final Duration TERM_GRACE = Duration.ofSeconds(5);
  private final PoolCore core;

  Lifecycle(PoolCore core) {
    this.core = core;
  }

  void workerExited(WorkerLink link) throws InterruptedException {
    link.worker.join(EXIT_GRACE);
    OptionalInt code = link.worker.exitCode();
    Chunk running;
    boolean replace;
    Failure breaks = null;
    synchronized (core.lock) {
      link.dead = true;
      running = link.outstanding.pollFirst();
      core.dispatch.requeue(PoolCore.drain(link.outstanding));
      link.outstandingBytes = 0;
      int max = core.settings().maxTasksPerChild();
      boolean expected = running == null && (link.stopped || (max > 0 && link.assigned >= max));
      boolean active = core.state != PoolCore.State.TERMINATE && core.broken == null;
      if (active && !link.ready && !expected && ++core.startFailures >= PoolCore.START_FAILURES) {
        breaks = Failure.broken(PoolCore.START_FAILURES + " workers in a row exited before they"
            + " were ready (the last, " + link.describe() + ", " + status(code)
            + "); the pool cannot start workers", null);
      }
      replace = active && breaks == null && (core.state == PoolCore.State.RUN
          || core.dispatch.hasWork() || anyOutstanding());
      if (replace) {
        core.starting++;
      }
    }
    link.channel.close();
    Points.point(Op.POOL_WORKER, core.id, "death " + link.worker.name());
    if (running != null) {
      running.job.chunkFailed(running.index, Failure.lost(link.describe() + " " + status(code)
          + " while running " + running + (replace ? "; the pool started a replacement" : ""),
          link.worker.name()));
    }
    if (breaks != null) {
      breakPool(breaks);
    }
    synchronized (core.lock) {
      core.links.remove(link);
      core.lock.notifyAll();
    }
    link.worker.release();
    if (replace) {
      core.startWorker(true);
    }
    core.dispatch.fillAll();
  }

  private boolean anyOutstanding() {
    for (WorkerLink l : core.links) {
      if (!l.outstanding.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  static String status(OptionalInt code) {
    if (code.isEmpty()) {
      return "stopped answering";
    }
    int c = code.getAsInt();
    return c < 0 ? "was killed by signal " + (-c) + " (exit code " + c + ")"
        : "exited with code " + c;
  }

  /** Fails everything queued and held, and stops the workers; the first cause stands. */
  void breakPool(Failure failure) {
    List<WorkerLink> links;
    List<Chunk> chunks;
    List<Source> sources;
    synchronized (core.lock) {
      if (core.broken != null || core.state == PoolCore.State.TERMINATE) {
        return;
      }
      core.broken = failure;
      links = new ArrayList<>(core.links);
      chunks = collect(links);
      sources = core.dispatch.drainSources();
      core.lock.notifyAll();
    }
    fail(chunks, sources, failure);
    for (WorkerLink l : links) {
      l.worker.stop(false);
    }
  }

  /** Terminates; with {@code keepQueued}, returns the jobs of unsent chunks instead of failing them. */
  List<Job> terminate(boolean keepQueued) throws InterruptedException {
    List<WorkerLink> links;
    List<Chunk> chunks = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    List<Job> queued = new ArrayList<>();
    synchronized (core.lock) {
      links = new ArrayList<>(core.links);
      if (core.state != PoolCore.State.TERMINATE) {
        core.state = PoolCore.State.TERMINATE;
        if (keepQueued) {
          queued = queuedJobs();
        }
        chunks = collect(links);
        sources = core.dispatch.drainSources();
      }
    }
    fail(chunks, sources, new Failure(Failure.Kind.TERMINATED, "the pool " + core.id
        + " was terminated before the task completed", null, null, null));
    for (WorkerLink l : links) {
      l.worker.stop(false);
    }
    for (WorkerLink l : links) {
      if (!l.worker.join(TERM_GRACE)) {
        l.worker.stop(true);
        l.worker.join(TERM_GRACE);
      }
    }
    return queued;
  }

  /** Pool lock: removes and returns the jobs whose chunks no worker was sent. */
  private List<Job> queuedJobs() {
    java.util.LinkedHashSet<Job> jobs = new java.util.LinkedHashSet<>();
    for (Chunk c : core.dispatch.drainChunks()) {
      jobs.add(c.job);
    }
    for (Source s : core.dispatch.drainSources()) {
      jobs.add(s.job());
    }
    return new ArrayList<>(jobs);
  }

  /** Pool lock: every chunk queued or held by a worker. */
  private List<Chunk> collect(List<WorkerLink> links) {
    List<Chunk> chunks = new ArrayList<>(core.dispatch.drainChunks());
    for (WorkerLink l : links) {
      chunks.addAll(PoolCore.drain(l.outstanding));
      l.outstandingBytes = 0;
    }
    return chunks;
  }

  private static void fail(List<Chunk> chunks, List<Source> sources, Failure failure) {
    PoolCore.deliver(chunks, failure);
    for (Source s : sources) {
      s.job().jobFailed(failure);
    }
  }

  boolean join(Duration timeout) throws InterruptedException {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    synchronized (core.lock) {
      if (core.state == PoolCore.State.RUN && core.broken == null) {
        throw new IllegalStateException("Pool is still running: call close() or terminate() on "
            + core.id + " before join()");
      }
      while (!core.links.isEmpty() || core.starting > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        core.lock.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
      }
      return true;
    }
  }
}
