package dev.interleave.mp;

import dev.interleave.internal.shm.Segment;
import dev.interleave.internal.shm.SharedMemory;
import java.io.Serializable;

/** A few int words in shared memory, for tests that count across processes. */
final class SharedInts implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private transient Segment segment;

  SharedInts(int count) {
    this.segment = SharedMemory.create("test", count * 4);
    this.name = segment.name();
  }

  private Segment segment() {
    if (segment == null) {
      segment = SharedMemory.attach(name);
    }
    return segment;
  }

  int get(int i) {
    return segment().getInt(i * 4);
  }

  void set(int i, int value) {
    segment().setInt(i * 4, value);
  }

  int incrementAndGet(int i) {
    return segment().getAndAddInt(i * 4, 1) + 1;
  }

  int decrementAndGet(int i) {
    return segment().getAndAddInt(i * 4, -1) - 1;
  }

  /** A read followed by a write: loses updates unless callers exclude each other. */
  void racyIncrement(int i) {
    int v = segment().getInt(i * 4);
    Thread.onSpinWait();
    segment().setInt(i * 4, v + 1);
  }

  /** Raises word {@code i} to at least {@code value}. */
  void max(int i, int value) {
    while (true) {
      int v = get(i);
      if (v >= value || segment().casInt(i * 4, v, value)) {
        return;
      }
    }
  }

  void release() {
    SharedMemory.release(segment());
  }
}
