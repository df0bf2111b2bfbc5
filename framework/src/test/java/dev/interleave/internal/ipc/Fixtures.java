package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.ProcessIdentity;
import dev.interleave.internal.shm.Segment;
import dev.interleave.internal.shm.SharedMemory;
import java.io.IOException;

/** Helpers for the mechanics tests: scratch rings and the identity of a dead process. */
final class Fixtures {
  private Fixtures() {}

  /** A ring of {@code capacity} bytes in a fresh segment. */
  static Ring ring(int capacity) {
    Segment s = SharedMemory.create("test", RingLayout.size(capacity));
    return new Ring(s, 0, capacity, "test ring");
  }

  /** The owner token of a process that has exited. */
  static long deadToken() throws IOException, InterruptedException {
    java.lang.Process p = new ProcessBuilder("true").start();
    ProcessIdentity id = ProcessIdentity.of(p.toHandle());
    p.waitFor();
    return OwnerToken.of(id);
  }

  /** Marks the lock word at {@code offset} of {@code ring} as held by {@code token}. */
  static void holdLock(Ring ring, int offset, long token) {
    ring.setLongAt(offset, token);
  }

  /** Publishes a raw chunk (as a writer would) without any checks. */
  static void rawChunk(Ring ring, int type, byte[] payload) {
    long tail = ring.tail();
    ring.putLong(tail, Chunk.header(type, payload.length));
    ring.put(tail + Chunk.HEADER, payload, 0, payload.length);
    ring.publishTail(tail + Chunk.footprint(payload.length));
  }
}
