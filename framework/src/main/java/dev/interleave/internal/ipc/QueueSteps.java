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

  static boolean put(QueueChannel q, byte[] payload, long deadline, boolean task)
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
        q.appendLocked(payload, task);
      } finally {
        ring.writerLock.unlock();
      }
      ring.dataEvent.signal();
      return true;
    }, timeout(deadline), null);
  }

  static byte[] take(QueueChannel q, long deadline) throws InterruptedException {
    byte[][] taken = {null};
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
