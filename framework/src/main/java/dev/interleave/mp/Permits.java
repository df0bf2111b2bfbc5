package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.sync.SemaphoreCore;
import dev.interleave.internal.sync.SyncSegment;

/** The paths shared by {@link Semaphore} and {@link BoundedSemaphore}. */
final class Permits {
  private Permits() {}

  static boolean acquire(SyncSegment sync, SemaphoreCore core, long timeoutNanos)
      throws InterruptedException {
    sync.checkOpen();
    if (Points.controlled()) {
      return Points.await(Op.ACQUIRE, sync.id(), "acquire", core::tryAcquire, timeoutNanos,
          core.holderDescription());
    }
    Points.point(Op.ACQUIRE, sync.id(), "acquire");
    return core.acquire(timeoutNanos);
  }

  static boolean tryAcquire(SyncSegment sync, SemaphoreCore core) {
    sync.checkOpen();
    Points.point(Op.ACQUIRE, sync.id(), "tryAcquire");
    return core.tryAcquire();
  }

  static void release(SyncSegment sync, SemaphoreCore core) {
    sync.checkOpen();
    Points.point(Op.RELEASE, sync.id(), "release");
    core.release();
  }

  static void close(SyncSegment sync, SemaphoreCore core) {
    if (sync.close()) {
      core.wakeAll();
    }
  }

  static String describe(SyncSegment sync, SemaphoreCore core) {
    return sync + (sync.isClosed() ? " (closed)"
        : ", value=" + core.value() + ", held by " + core.holderDescription());
  }
}
