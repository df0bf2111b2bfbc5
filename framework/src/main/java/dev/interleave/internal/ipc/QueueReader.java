package dev.interleave.internal.ipc;

import static dev.interleave.internal.ipc.RingLayout.CURSOR;
import static dev.interleave.internal.ipc.RingLayout.WRITE_LOG;

/**
 * Takes items out of a queue in the order they were published: from the ring, and from the
 * chain of spill logs a {@link Chunk#SPILL} chunk announces. The caller holds the ring's reader
 * lock.
 *
 * <p>The spill chunk stays at the ring's head while its chain is read, and the reader's position
 * in the chain is one word, the cursor (log number, offset); a cursor naming a log older than the
 * chunk's is stale and means "start of the chain". A reader killed at any point thus leaves a
 * state the next reader continues from: an item may be delivered again if its reader died before
 * moving the cursor, but none is skipped.
 */
final class QueueReader {
  private static final int OFFSET_BITS = 40;
  private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

  private final Ring ring;
  private final SpillLogs logs;
  private SpillLog finished;

  QueueReader(QueueSegment queue, SpillLogs logs) {
    this.ring = queue.ring;
    this.logs = logs;
  }

  static long cursorOffset(long cursor) {
    return cursor & OFFSET_MASK;
  }

  static int cursorLog(long cursor) {
    return (int) (cursor >>> OFFSET_BITS);
  }

  private static long cursor(int log, long offset) {
    return ((long) log << OFFSET_BITS) | offset;
  }

  /** The next item, or null if no item is published. */
  Codec.Item take() {
    while (true) {
      long head = ring.head();
      long available = ring.tail() - head;
      if (available == 0) {
        return null;
      }
      long header = ring.getLong(head);
      int type = Chunk.type(header);
      int length = Chunk.length(header);
      long footprint = Chunk.footprint(length);
      if (type == Chunk.SINGLE && length >= 1 && footprint <= available) {
        byte[] body = new byte[length - 1];
        byte tag = ring.getByte(head + Chunk.HEADER);
        ring.get(head + Chunk.HEADER + 1, body, 0, body.length);
        ring.publishHead(head + footprint);
        return new Codec.Item(tag, body);
      }
      if (type != Chunk.SPILL || length != 8 || footprint > available) {
        ring.publishHead(head + Math.min(Math.max(footprint, Chunk.HEADER), available));
        throw new IpcFailure(IpcFailure.Kind.CORRUPT_FRAME, "a " + Chunk.name(type) + " chunk of "
            + length + " bytes where a queue item was expected in " + ring + "; skipped");
      }
      Codec.Item item = fromChain((int) ring.getLong(head + Chunk.HEADER));
      if (item != null) {
        return item;
      }
      if (finished == null) {
        return null;
      }
      ring.publishHead(head + footprint);
      logs.discard(finished);
      finished = null;
    }
  }

  /** The next item of the chain starting at log {@code first}; null if none (yet, or ever). */
  private Codec.Item fromChain(int first) {
    long cur = ring.longAt(CURSOR);
    int n = cursorLog(cur);
    long offset = cur & OFFSET_MASK;
    if (n < first) {
      n = first;
      offset = 0;
      ring.setLongAt(CURSOR, cursor(n, 0));
    }
    while (true) {
      SpillLog log = logs.get(n);
      int writing = ring.intAt(WRITE_LOG);
      int next = log.next();
      long committed = log.committed();
      if (offset < committed) {
        long[] footprint = new long[1];
        Codec.Item item = log.read(offset, footprint);
        ring.setLongAt(CURSOR, cursor(n, offset + footprint[0]));
        return item;
      }
      if (next != 0) {
        ring.setLongAt(CURSOR, cursor(next, 0));
        logs.discard(log);
        n = next;
        offset = 0;
        continue;
      }
      finished = writing != n ? log : null;
      return null;
    }
  }
}
