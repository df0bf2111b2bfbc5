package dev.interleave.internal.ipc;

import static dev.interleave.internal.ipc.RingLayout.CURSOR;
import static dev.interleave.internal.ipc.RingLayout.WRITE_LOG;

/**
 * Appends items to a queue: into its ring while they fit, otherwise into a chain of {@link
 * SpillLog}s announced by a {@link Chunk#SPILL} chunk in the ring. The caller holds the ring's
 * writer lock.
 *
 * <p>States, in the ring's write-log word: 0, items go to the ring; {@code n}, items go to log
 * {@code n} (and to logs chained after it when it is full). Writers go back to the ring once the
 * reader has reached the log they append to. Every step that changes what readers can see is one
 * volatile store, made in an order that a writer taking over from a dead one can finish ({@link
 * #repair()}).
 */
final class QueueWriter {
  /** Room kept free in the ring for a {@link Chunk#SPILL} chunk. */
  static final int SPILL_CHUNK = 2 * Chunk.HEADER;

  private final QueueSegment queue;
  private final Ring ring;
  private final SpillLogs logs;

  QueueWriter(QueueSegment queue, SpillLogs logs) {
    this.queue = queue;
    this.ring = queue.ring;
    this.logs = logs;
  }

  /** Appends one item; readers see it whole or not at all. */
  void write(byte[] payload) {
    int current = ring.intAt(WRITE_LOG);
    if (current != 0) {
      if (QueueReader.cursorLog(ring.longAt(CURSOR)) != current) {
        appendToChain(current, payload);
        return;
      }
      ring.setIntAt(WRITE_LOG, 0); // the reader caught up: back to the ring
      logs.forget(current);
    }
    long tail = ring.tail();
    long footprint = Chunk.footprint(payload.length);
    if (payload.length <= ring.capacity / 4 && ring.free(tail) >= footprint + SPILL_CHUNK) {
      ring.putLong(tail, Chunk.header(Chunk.SINGLE, payload.length));
      ring.put(tail + Chunk.HEADER, payload, 0, payload.length);
      ring.advanceTail(tail + footprint);
    } else {
      startChain(tail, payload);
    }
  }

  private void startChain(long tail, byte[] payload) {
    int n = newLogNumber();
    logs.create(n, payload.length).append(payload);
    ring.putLong(tail, Chunk.header(Chunk.SPILL, 8));
    ring.putLong(tail + Chunk.HEADER, n);
    ring.setIntAt(WRITE_LOG, n);
    ring.advanceTail(tail + SPILL_CHUNK);
  }

  private void appendToChain(int current, byte[] payload) {
    SpillLog log = logs.get(current);
    if (log.fits(payload.length)) {
      log.append(payload);
      return;
    }
    int n = newLogNumber();
    logs.create(n, payload.length).append(payload);
    log.link(n);
    ring.setIntAt(WRITE_LOG, n);
    logs.forget(current);
  }

  private int newLogNumber() {
    int n = queue.segment.getAndAddInt(QueueSegment.LOGS, 1) + 1;
    if (n >= 1 << 23) {
      throw new IllegalStateException(ring + " has used up its spill log numbers");
    }
    return n;
  }

  /**
   * Finishes what a writer that died holding the lock left half done: publishes a spill chunk it
   * wrote but did not publish, and follows log links it made but did not record.
   */
  void repair() {
    int n = ring.intAt(WRITE_LOG);
    if (n == 0) {
      return;
    }
    long tail = ring.tail();
    if (ring.free(tail) >= SPILL_CHUNK && ring.getLong(tail) == Chunk.header(Chunk.SPILL, 8)
        && ring.getLong(tail + Chunk.HEADER) == n) {
      ring.advanceTail(tail + SPILL_CHUNK);
    }
    try {
      for (int next = logs.get(n).next(); next != 0; next = logs.get(n).next()) {
        n = next;
      }
      ring.setIntAt(WRITE_LOG, n);
    } catch (IllegalStateException gone) {
      ring.setIntAt(WRITE_LOG, 0); // the reader already moved past it: use the ring
    }
  }
}
