package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.sync.MutexCore;
import dev.interleave.internal.sync.SyncSegment;

/** The acquire and release paths shared by {@link Lock} and {@link RLock}. */
final class Locking {
  private Locking() {}

  static boolean acquire(SyncSegment sync, MutexCore core, long timeoutNanos)
      throws InterruptedException {
    sync.checkOpen();
    if (Points.controlled()) {
      return Points.await(Op.ACQUIRE, sync.id(), "acquire", core::tryAcquireOrRecover,
          timeoutNanos, core.holderDescription());
    }
    Points.point(Op.ACQUIRE, sync.id(), "acquire");
    return core.acquire(timeoutNanos);
  }

  static boolean tryAcquire(SyncSegment sync, MutexCore core) {
    sync.checkOpen();
    Points.point(Op.ACQUIRE, sync.id(), "tryAcquire");
    return core.tryAcquireOrRecover();
  }

  static void release(SyncSegment sync, MutexCore core) {
    sync.checkOpen();
    Points.point(Op.RELEASE, sync.id(), "release");
    core.release();
  }

  static void acquireUninterruptibly(SyncSegment sync, MutexCore core) {
    if (!Points.controlled()) {
      Points.point(Op.ACQUIRE, sync.id(), "acquire");
      core.acquireUninterruptibly();
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        Points.await(Op.ACQUIRE, sync.id(), "acquire", core::tryAcquireOrRecover,
            dev.interleave.internal.sync.Timeouts.FOREVER, core.holderDescription());
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  static void close(SyncSegment sync, MutexCore core) {
    if (sync.close()) {
      core.wakeAll();
    }
  }
}
