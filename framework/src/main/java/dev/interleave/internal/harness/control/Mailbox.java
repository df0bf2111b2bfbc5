package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.worker.ScheduleAbort;
import dev.interleave.internal.wire.Message.Go;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Where a controlled process waits for permission: the controller drops a {@link Go} or an
 * abort; stale permissions of earlier schedules are skipped by epoch.
 */
final class Mailbox {
  private static final Go ABORT = new Go(-1, 0, false);
  private final LinkedBlockingQueue<Go> slot = new LinkedBlockingQueue<>();
  private volatile boolean aborted;

  void deliver(Go go) {
    slot.add(go);
  }

  /** Stops the waiting process, and every later wait until {@link #clear()}. */
  void abort() {
    aborted = true;
    slot.add(ABORT);
  }

  void clear() {
    aborted = false;
    slot.clear();
  }

  /**
   * Waits for the permission of schedule {@code epoch}.
   *
   * @throws ScheduleAbort if the schedule was stopped
   */
  Go await(long epoch) {
    while (true) {
      if (aborted) {
        throw new ScheduleAbort();
      }
      Go go;
      try {
        go = slot.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ScheduleAbort();
      }
      if (go == ABORT) {
        throw new ScheduleAbort();
      }
      if (go.epoch() == epoch) {
        return go;
      }
    }
  }
}
