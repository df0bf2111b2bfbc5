package dev.interleave.internal.pool;

import dev.interleave.internal.ipc.Channel;
import dev.interleave.internal.ipc.Deadlines;
import dev.interleave.internal.ipc.IpcFailure;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pool's side of one worker: its pipe end, the chunks sent to it and not yet answered (in
 * the order sent, which is the order of the answers), and the thread that reads its answers.
 * Fields marked "pool lock" are guarded by the {@link PoolCore}'s lock.
 */
final class WorkerLink {
  private static final long LIVENESS_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  final Worker worker;
  final Channel channel;
  /** Pool lock: chunks sent and not answered, oldest first. */
  final ArrayDeque<Chunk> outstanding = new ArrayDeque<>();
  /** Pool lock: the bytes of those chunks' bodies. */
  long outstandingBytes;
  /** Pool lock: chunks assigned in total (for maxTasksPerChild). */
  int assigned;
  /** Pool lock: the worker sent READY. */
  boolean ready;
  /** Pool lock: STOP was sent, or the worker will get no more work. */
  boolean stopped;
  /** Pool lock: the worker was seen to exit. */
  boolean dead;

  /** Held while choosing and sending chunks, so sends leave in the order they are recorded. */
  final ReentrantLock sendLock = new ReentrantLock();
  /** sendLock: ids of the functions the worker holds, in its cache's order. */
  final LinkedHashMap<Integer, Boolean> known = FunctionCache.workerMirror();
  volatile boolean fillWanted;

  WorkerLink(Worker worker, Channel channel) {
    this.worker = worker;
    this.channel = channel;
  }

  String describe() {
    return "worker " + worker.name() + " (pid " + worker.pid() + ")";
  }

  /**
   * The next frame from the worker, or null once it has exited and everything it sent was read.
   * Checks the process every 100 ms, so a death is seen even before its pipe end times out.
   */
  byte[] next() throws InterruptedException {
    while (true) {
      try {
        if (channel.poll(Deadlines.after(java.time.Duration.ofNanos(LIVENESS_NANOS)))) {
          return channel.receive(Long.MAX_VALUE);
        }
      } catch (IpcFailure endOfFile) {
        return null;
      }
      if (!worker.isAlive() && !channel.pollNow()) {
        return null;
      }
    }
  }
}
