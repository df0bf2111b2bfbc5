package dev.interleave.internal.ipc;

import static dev.interleave.internal.ipc.RingLayout.DATA;
import static dev.interleave.internal.ipc.RingLayout.DATA_EVENT;
import static dev.interleave.internal.ipc.RingLayout.HEAD;
import static dev.interleave.internal.ipc.RingLayout.READER_LOCK;
import static dev.interleave.internal.ipc.RingLayout.SPACE_EVENT;
import static dev.interleave.internal.ipc.RingLayout.TAIL;
import static dev.interleave.internal.ipc.RingLayout.WRITER_LOCK;

import dev.interleave.internal.shm.Segment;
import java.nio.MappedByteBuffer;

/**
 * A byte ring laid out as {@link RingLayout} describes, at {@code base} in a segment: positions,
 * locks, events and wrap-aware bulk copies. Callers hold the writer lock to write at the tail
 * and the reader lock to read at the head; publishing a position is one volatile store followed
 * by a signal.
 */
final class Ring {
  final Segment segment;
  final int base;
  final int capacity;
  final OwnerLock writerLock;
  final OwnerLock readerLock;
  final EventCount dataEvent;
  final EventCount spaceEvent;
  private final MappedByteBuffer buffer;
  private final int mask;
  private final int data;

  Ring(Segment segment, int base, int capacity, String name) {
    this.segment = segment;
    this.base = base;
    this.capacity = RingLayout.checkCapacity(capacity);
    this.mask = capacity - 1;
    this.data = base + DATA;
    this.buffer = segment.buffer();
    this.writerLock = new OwnerLock(segment, base + WRITER_LOCK, name + " writer lock");
    this.readerLock = new OwnerLock(segment, base + READER_LOCK, name + " reader lock");
    this.dataEvent = new EventCount(segment, base + DATA_EVENT);
    this.spaceEvent = new EventCount(segment, base + SPACE_EVENT);
  }

  long tail() {
    return segment.getLong(base + TAIL);
  }

  long head() {
    return segment.getLong(base + HEAD);
  }

  boolean isEmpty() {
    return tail() == head();
  }

  /** Free bytes, as seen by a writer that knows the tail. */
  long free(long tail) {
    return capacity - (tail - head());
  }

  /** Makes everything before {@code tail} visible to readers and wakes them. */
  void publishTail(long tail) {
    segment.setLong(base + TAIL, tail);
    dataEvent.signal();
  }

  /** Makes everything before {@code tail} visible to readers, without waking them. */
  void advanceTail(long tail) {
    segment.setLong(base + TAIL, tail);
  }

  /** Frees everything before {@code head} for writers and wakes them. */
  void publishHead(long head) {
    segment.setLong(base + HEAD, head);
    spaceEvent.signal();
  }

  int intAt(int offset) {
    return segment.getInt(base + offset);
  }

  void setIntAt(int offset, int value) {
    segment.setInt(base + offset, value);
  }

  long longAt(int offset) {
    return segment.getLong(base + offset);
  }

  void setLongAt(int offset, long value) {
    segment.setLong(base + offset, value);
  }

  /** Reads the 8 bytes at an 8-aligned position. */
  long getLong(long position) {
    return buffer.getLong(data + (int) (position & mask));
  }

  /** Writes the 8 bytes at an 8-aligned position. */
  void putLong(long position, long value) {
    buffer.putLong(data + (int) (position & mask), value);
  }

  void put(long position, byte[] src, int offset, int length) {
    int at = (int) (position & mask);
    int first = Math.min(length, capacity - at);
    buffer.put(data + at, src, offset, first);
    if (first < length) {
      buffer.put(data, src, offset + first, length - first);
    }
  }

  void get(long position, byte[] dst, int offset, int length) {
    int at = (int) (position & mask);
    int first = Math.min(length, capacity - at);
    buffer.get(data + at, dst, offset, first);
    if (first < length) {
      buffer.get(data, dst, offset + first, length - first);
    }
  }

  void putByte(long position, byte value) {
    buffer.put(data + (int) (position & mask), value);
  }

  byte getByte(long position) {
    return buffer.get(data + (int) (position & mask));
  }

  @Override
  public String toString() {
    return "Ring[" + segment.name() + "+" + base + ", capacity " + capacity + "]";
  }
}
