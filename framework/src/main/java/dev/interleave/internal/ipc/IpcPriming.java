package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.SharedMemory;

/**
 * Runs the hot paths of pipes and queues a few thousand times on private segments, so that the
 * JIT has compiled them before real traffic arrives. Meant for JVMs that wait for work anyway
 * (warm child JVMs): a fresh JVM otherwise runs its first thousands of messages interpreted, at
 * ten times the cost.
 */
public final class IpcPriming {
  private static final int ROUNDS = Integer.getInteger("interleave.ipc.primeRounds", 4000);

  private IpcPriming() {}

  /** Exercises the paths; never throws (priming is an optimization only). */
  public static void prime() {
    try {
      primePipe();
      primeQueue();
    } catch (RuntimeException | InterruptedException e) {
      // an optimization only
    }
  }

  private static void primePipe() throws InterruptedException {
    RingChannel[] ends = RingChannel.pipe(true, RingLayout.MIN_CAPACITY * 4);
    try {
      byte[] msg = Codec.encode(new byte[64]);
      for (int i = 0; i < ROUNDS; i++) {
        ends[0].send(msg, 0, msg.length);
        byte[] got = ends[1].receive(Long.MAX_VALUE);
        Codec.decode(got, 0, got.length, ClassRules.DEFAULTS);
        ends[1].send(got, 0, got.length);
        ends[0].receive(Long.MAX_VALUE);
      }
    } finally {
      ends[0].close();
      ends[1].close();
      SharedMemory.release(ends[0].segment());
    }
  }

  private static void primeQueue() throws InterruptedException {
    QueueChannel q = QueueChannel.create(0);
    try {
      for (int i = 0; i < ROUNDS; i++) {
        q.put(Codec.encodeParts(i), Deadlines.NONE, false);
        Codec.decode(q.take(Deadlines.NONE), ClassRules.DEFAULTS);
      }
    } finally {
      SharedMemory.release(q.segment());
    }
  }
}
