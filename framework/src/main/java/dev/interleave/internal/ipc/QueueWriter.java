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

  /**
   * Appends one item; readers see it whole or not at all. If the ring is full, waits until
   * {@code spillDeadline} for a consumer to make room before spilling, so that a steady stream
   * stays in the ring's already-mapped pages.
   */
  void write(Codec.Encoded item, long spillDeadline) throws InterruptedException {
    int current = ring.intAt(WRITE_LOG);
    if (current != 0) {
      if (QueueReader.cursorLog(ring.longAt(CURSOR)) != current) {
        appendToChain(current, item);
        return;
      }
      ring.setIntAt(WRITE_LOG, 0); // the reader caught up: back to the ring
      logs.leave(current, QueueReader.cursorOffset(ring.longAt(CURSOR)));
    }
    int size = item.size();
    long need = Chunk.footprint(size) + SPILL_CHUNK;
    boolean small = size <= ring.capacity / 4;
    if (small && ring.free(ring.tail()) < need && Deadlines.remaining(spillDeadline) > 0) {
      ring.spaceEvent.await(() -> ring.free(ring.tail()) >= need, spillDeadline,
          EventCount.SliceCheck.NONE);
    }
    long tail = ring.tail();
    if (small && ring.free(tail) >= need) {
      ring.putLong(tail, Chunk.header(Chunk.SINGLE, size));
      ring.putByte(tail + Chunk.HEADER, item.tag());
      ring.put(tail + Chunk.HEADER + 1, item.body(), item.offset(), item.length());
      ring.advanceTail(tail + Chunk.footprint(size));
    } else {
      startChain(tail, item);
    }
  }

  private void startChain(long tail, Codec.Encoded item) {
    int n = newLogNumber();
    logs.create(n, item.size()).append(item);
    ring.putLong(tail, Chunk.header(Chunk.SPILL, 8));
    ring.putLong(tail + Chunk.HEADER, n);
    ring.setIntAt(WRITE_LOG, n);
    ring.advanceTail(tail + SPILL_CHUNK);
  }

  private void appendToChain(int current, Codec.Encoded item) {
    SpillLog log = logs.get(current);
    if (log.fits(item.size())) {
      log.append(item);
      return;
    }
    int n = newLogNumber();
    logs.create(n, item.size()).append(item);
    log.link(n);
    ring.setIntAt(WRITE_LOG, n);
    logs.forget(current);
  }

  private int newLogNumber() {
    int n = queue.addInt(QueueSegment.LOGS, 1) + 1;
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
