package dev.interleave.scenarios.bench;

import dev.interleave.internal.shm.Segment;
import dev.interleave.internal.shm.SharedMemory;
import java.io.Serializable;

/**
 * Raw words in shared memory, unsynchronized, as CPython's {@code RawValue} / {@code RawArray}:
 * the benchmarks' counters and time stamps. (The runtime has no public shared value yet, so the
 * benchmark maps a segment itself.)
 */
final class SharedWords implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private transient Segment segment;

  /** {@code longs} 8-byte words, zeroed. */
  SharedWords(int longs) {
    this.segment = SharedMemory.create("bench", longs * 8);
    this.name = segment.name();
  }

  private Segment seg() {
    Segment s = segment;
    if (s == null) {
      s = SharedMemory.attach(name);
      segment = s;
    }
    return s;
  }

  /** The int at word {@code i} (plain semantics are enough under a lock; volatile here). */
  int getInt(int i) {
    return seg().getInt(i * 8);
  }

  void setInt(int i, int v) {
    seg().setInt(i * 8, v);
  }

  long getLong(int i) {
    return seg().getLong(i * 8);
  }

  void setLong(int i, long v) {
    seg().setLong(i * 8, v);
  }

  void release() {
    SharedMemory.release(seg());
  }
}
