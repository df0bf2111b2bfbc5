package dev.interleave.internal.ipc;

import static dev.interleave.internal.ipc.RingLayout.DATA;
import static dev.interleave.internal.ipc.RingLayout.DATA_EVENT;
import static dev.interleave.internal.ipc.RingLayout.HEAD;
import static dev.interleave.internal.ipc.RingLayout.READER_LOCK;
import static dev.interleave.internal.ipc.RingLayout.SPACE_EVENT;
import static dev.interleave.internal.ipc.RingLayout.TAIL;
import static dev.interleave.internal.ipc.RingLayout.WRITER_LOCK;

import dev.interleave.internal.shm.Segment;

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
  private final long header;
  private final long data;
  private final int mask;

  Ring(Segment segment, int base, int capacity, String name) {
    this.segment = segment;
    this.base = base;
    this.capacity = RingLayout.checkCapacity(capacity);
    if (base < 0 || (long) base + RingLayout.size(capacity) > segment.size()) {
      throw new IllegalArgumentException(name + " of " + capacity + " bytes at " + base
          + " does not fit in " + segment);
    }
    this.mask = capacity - 1;
    this.header = Mem.base(segment) + base;
    this.data = header + DATA;
    this.writerLock = new OwnerLock(segment, base + WRITER_LOCK, name + " writer lock");
    this.readerLock = new OwnerLock(segment, base + READER_LOCK, name + " reader lock");
    this.dataEvent = new EventCount(segment, base + DATA_EVENT);
    this.spaceEvent = new EventCount(segment, base + SPACE_EVENT);
  }

  long tail() {
    return Mem.getLongVolatile(header + TAIL);
  }

  long head() {
    return Mem.getLongVolatile(header + HEAD);
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
    Mem.putLongVolatile(header + TAIL, tail);
    dataEvent.signal();
  }

  /**
   * Makes everything before {@code tail} visible to readers, without waking them; the caller
   * follows with a fenced operation and a signal.
   */
  void advanceTail(long tail) {
    Mem.putLongRelease(header + TAIL, tail);
  }

  /** Frees everything before {@code head} for writers and wakes them. */
  void publishHead(long head) {
    Mem.putLongVolatile(header + HEAD, head);
    spaceEvent.signal();
  }

  int intAt(int offset) {
    return Mem.getIntVolatile(header + offset);
  }

  void setIntAt(int offset, int value) {
    Mem.putIntVolatile(header + offset, value);
  }

  long longAt(int offset) {
    return Mem.getLongVolatile(header + offset);
  }

  void setLongAt(int offset, long value) {
    Mem.putLongVolatile(header + offset, value);
  }

  long addLongAt(int offset, long delta) {
    return Mem.getAndAddLong(header + offset, delta);
  }

  /** Reads the 8 bytes at an 8-aligned position. */
  long getLong(long position) {
    return Mem.getLong(data + (position & mask));
  }

  /** Writes the 8 bytes at an 8-aligned position. */
  void putLong(long position, long value) {
    Mem.putLong(data + (position & mask), value);
  }

  /** Copies {@code length} (at most the capacity) bytes in at {@code position}, wrapping. */
  void put(long position, byte[] src, int offset, int length) {
    int at = (int) (position & mask);
    int first = Math.min(length, capacity - at);
    Mem.copy(src, offset, data + at, first);
    if (first < length) {
      Mem.copy(src, offset + first, data, length - first);
    }
  }

  /** Copies {@code length} (at most the capacity) bytes out from {@code position}, wrapping. */
  void get(long position, byte[] dst, int offset, int length) {
    int at = (int) (position & mask);
    int first = Math.min(length, capacity - at);
    Mem.copy(data + at, dst, offset, first);
    if (first < length) {
      Mem.copy(data, dst, offset + first, length - first);
    }
  }

  void putByte(long position, byte value) {
    Mem.putByte(data + (position & mask), value);
  }

  byte getByte(long position) {
    return Mem.getByte(data + (position & mask));
  }

  @Override
  public String toString() {
    return "Ring[" + segment.name() + "+" + base + ", capacity " + capacity + "]";
  }
}
