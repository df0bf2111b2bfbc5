package dev.interleave.internal.ipc;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;

/** Queue operations under controlled scheduling: non-blocking attempts run by the scheduler. */
final class QueueSteps {
  private QueueSteps() {}

  private static long timeout(long deadline) {
    long remaining = Deadlines.remaining(deadline);
    return remaining == Deadlines.NONE ? -1 : remaining;
  }

  static boolean put(QueueChannel q, Codec.Encoded item, long deadline, boolean task)
      throws InterruptedException {
    Ring ring = q.ring();
    return Points.await(Op.PUT, q.id(), null, () -> {
      OwnerLock.Acquired a = ring.writerLock.tryLock(true);
      if (a == OwnerLock.Acquired.NO) {
        return false;
      }
      try {
        if (a == OwnerLock.Acquired.RECOVERED) {
          q.repair();
        }
        if (!q.hasRoom()) {
          return false;
        }
        try {
          q.appendLocked(item, task, 0); // no waiting under control: spill at once
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      } finally {
        ring.writerLock.unlock();
      }
      ring.dataEvent.signal();
      return true;
    }, timeout(deadline), null);
  }

  static Codec.Item take(QueueChannel q, long deadline) throws InterruptedException {
    Codec.Item[] taken = {null};
    Points.await(Op.GET, q.id(), null, () -> {
      if (q.ring().readerLock.tryLock(true) == OwnerLock.Acquired.NO) {
        return false;
      }
      taken[0] = q.takeLocked();
      return taken[0] != null;
    }, timeout(deadline), null);
    return taken[0];
  }

  static boolean join(QueueChannel q, long deadline) throws InterruptedException {
    return Points.await(Op.JOIN, q.id(), null, q::allDone, timeout(deadline), null);
  }
}
