package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.sync.MutexCore;
import dev.interleave.internal.sync.SyncSegment;

/**
 * The acquire and release paths shared by {@link Lock} and {@link RLock}.
 *
 * <p>The fast paths do not read the closed flag: closing poisons the mutex's owner word (see
 * {@code MutexCore}), so an acquire of a closed mutex fails and checks here, and a release
 * throws from the core.
 */
final class Locking {
  private Locking() {}

  static boolean acquire(SyncSegment sync, MutexCore core, long timeoutNanos)
      throws InterruptedException {
    if (Points.controlled()) {
      sync.checkOpen();
      return Points.awaitHeld(Op.ACQUIRE, sync.id(), "acquire", core::tryAcquireOrRecover,
          timeoutNanos, core::holderDescription);
    }
    Points.point(Op.ACQUIRE, sync.id(), "acquire");
    if (core.acquire(timeoutNanos)) {
      return true;
    }
    sync.checkOpen();
    return false;
  }

  static boolean tryAcquire(SyncSegment sync, MutexCore core) {
    Points.point(Op.ACQUIRE, sync.id(), "tryAcquire");
    if (core.tryAcquireOrRecover()) {
      return true;
    }
    sync.checkOpen();
    return false;
  }

  static void release(SyncSegment sync, MutexCore core) {
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
        Points.awaitHeld(Op.ACQUIRE, sync.id(), "acquire", core::tryAcquireOrRecover,
            dev.interleave.internal.sync.Timeouts.FOREVER, core::holderDescription);
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
