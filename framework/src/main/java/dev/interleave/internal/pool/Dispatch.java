package dev.interleave.internal.pool;

import dev.interleave.internal.ipc.IpcFailure;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunks waiting for a worker, and the sending of them. Chunks are taken in submission
 * order. An idle worker gets a chunk first; a busy one is sent more (up to {@link
 * PoolCore#PREFETCH}, whose bodies fit {@link PoolCore#PIPE_BUDGET}) only while chunks take the
 * pool less than {@link PoolCore#PREFETCH_BELOW_NANOS} on average: prefetching saves a round trip
 * per tiny task, but a chunk queued behind a long one would wait for it while another worker
 * idles (CPython's workers take tasks from one shared queue). A send never blocks on a full pipe
 * (which could deadlock with a worker blocked sending a large answer). Fields are guarded by the
 * pool lock.
 */
final class Dispatch {
  private final PoolCore core;
  private final ArrayDeque<Chunk> ready = new ArrayDeque<>();
  private final ArrayDeque<Source> sources = new ArrayDeque<>();
  private final List<Failed> failedSources = new ArrayList<>();

  private record Failed(Job job, Failure failure) {}

  Dispatch(PoolCore core) {
    this.core = core;
  }

  void add(Source s) {
    sources.add(s);
  }

  /** Pool lock: whether chunks are waiting or may still be produced. */
  boolean hasWork() {
    return !ready.isEmpty() || !sources.isEmpty();
  }

  /** Pool lock: puts back chunks a dead worker had not started, ahead of everything else. */
  void requeue(List<Chunk> unstarted) {
    for (int i = unstarted.size() - 1; i >= 0; i--) {
      ready.addFirst(unstarted.get(i));
    }
  }

  /** Pool lock: removes every waiting chunk and job. */
  List<Chunk> drainChunks() {
    return PoolCore.drain(ready);
  }

  List<Source> drainSources() {
    List<Source> all = new ArrayList<>(sources);
    sources.clear();
    return all;
  }

  /**
   * Fills every worker, one chunk each per round, least loaded first: idle workers get work
   * before busy ones prefetch more (a chunk prefetched behind a long task would wait for it).
   */
  void fillAll() {
    List<WorkerLink> all;
    synchronized (core.lock) {
      all = new ArrayList<>(core.links);
    }
    boolean progress = true;
    while (progress) {
      progress = false;
      for (WorkerLink l : leastLoadedFirst(all)) {
        progress |= fill(l, 1) > 0;
      }
    }
  }

  /** The workers holding fewest chunks first, so that an idle worker is served before others prefetch. */
  private List<WorkerLink> leastLoadedFirst(List<WorkerLink> all) {
    if (all.size() < 2) {
      return all;
    }
    List<WorkerLink> sorted = new ArrayList<>(all);
    synchronized (core.lock) {
      sorted.sort(java.util.Comparator.comparingInt(l -> 2 * l.outstanding.size()
          + (l.ready ? 0 : 1)));
    }
    return sorted;
  }

  /**
   * Sends {@code link} at most {@code max} chunks and returns how many it sent; if another thread
   * is sending to it, leaves the work to that one.
   */
  private int fill(WorkerLink link, int max) {
    int sent = 0;
    link.fillWanted = true;
    while (link.fillWanted && link.sendLock.tryLock()) {
      try {
        link.fillWanted = false;
        sent += sendAll(link, max - sent);
      } finally {
        link.sendLock.unlock();
      }
      if (sent >= max) {
        break;
      }
    }
    deliverFailedSources();
    return sent;
  }

  private int sendAll(WorkerLink link, int max) {
    int sent = 0;
    while (sent < max) {
      Chunk c;
      boolean stop = false;
      synchronized (core.lock) {
        c = nextFor(link);
        if (c == null && shouldStop(link)) {
          link.stopped = true;
          stop = true;
        }
      }
      if (c == null) {
        if (stop) {
          send(link, new byte[] {Messages.STOP});
        }
        return sent;
      }
      Points.point(Op.POOL_DISPATCH, core.id, "dispatch to " + link.worker.name());
      send(link, frame(link, c));
      sent++;
    }
    return sent;
  }

  private byte[] frame(WorkerLink link, Chunk c) {
    boolean known = link.known.get(c.func.id()) != null;
    if (!known) {
      link.known.put(c.func.id(), Boolean.TRUE);
    }
    return Messages.tasks(c.func.id(), known ? null : c.func.bytes(), c.body);
  }

  /** Sends a frame; a worker that died meanwhile is its reader's business. */
  private static void send(WorkerLink link, byte[] frame) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          link.channel.send(frame, 0, frame.length);
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (IpcFailure | IllegalStateException gone) {
          return;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Chunk nextFor(WorkerLink link) {
    int max = core.settings().maxTasksPerChild();
    if (link.dead || link.stopped || core.state == PoolCore.State.TERMINATE || core.broken != null
        || link.outstanding.size() >= PoolCore.PREFETCH || (max > 0 && link.assigned >= max)) {
      return null;
    }
    if (!link.outstanding.isEmpty() && !core.prefetchPays()) {
      return null;
    }
    Chunk c = take();
    if (c == null) {
      return null;
    }
    if (!link.outstanding.isEmpty()
        && link.outstandingBytes + c.body.length > PoolCore.PIPE_BUDGET) {
      ready.addFirst(c);
      return null;
    }
    c.sentAt = System.nanoTime();
    link.outstanding.addLast(c);
    link.outstandingBytes += c.body.length;
    link.assigned++;
    return c;
  }

  private boolean shouldStop(WorkerLink link) {
    return core.state == PoolCore.State.CLOSE && !hasWork() && link.outstanding.isEmpty()
        && !link.stopped && !link.dead;
  }

  private Chunk take() {
    while (true) {
      Chunk c = ready.pollFirst();
      if (c == null) {
        c = produce();
        if (c == null) {
          return null;
        }
      }
      if (!c.job.abandoned()) {
        return c;
      }
    }
  }

  private Chunk produce() {
    while (!sources.isEmpty()) {
      Source s = sources.peekFirst();
      try {
        Chunk c = s.next();
        if (c != null) {
          return c;
        }
        sources.pollFirst();
      } catch (RuntimeException | Error e) {
        sources.pollFirst();
        failedSources.add(new Failed(s.job(), new Failure(Failure.Kind.RAISED,
            "the task arguments' iterator threw " + e, e, null, null)));
      }
    }
    return null;
  }

  private void deliverFailedSources() {
    List<Failed> failed;
    synchronized (core.lock) {
      if (failedSources.isEmpty()) {
        return;
      }
      failed = new ArrayList<>(failedSources);
      failedSources.clear();
    }
    for (Failed f : failed) {
      f.job().jobFailed(f.failure());
    }
  }
}
