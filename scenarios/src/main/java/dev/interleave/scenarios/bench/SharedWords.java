package dev.interleave.scenarios.bench;

import dev.interleave.mp.RawArray;
import dev.interleave.mp.ValueType;
import java.io.Serializable;

/**
 * Raw 64-bit words in shared memory, unsynchronized: a {@link RawArray} of longs, as CPython's
 * benchmark uses {@code RawArray('q', n)} for its counters and time stamps.
 */
final class SharedWords implements Serializable {
  private static final long serialVersionUID = 1L;

  private final RawArray<Long> words;

  /** {@code longs} 8-byte words, zeroed. */
  SharedWords(int longs) {
    this.words = RawArray.of(ValueType.LONG, longs);
  }

  int getInt(int i) {
    return (int) words.getLong(i);
  }

  void setInt(int i, int v) {
    words.setLong(i, v);
  }

  long getLong(int i) {
    return words.getLong(i);
  }

  void setLong(int i, long v) {
    words.setLong(i, v);
  }

  /** Nothing to do: the array's file is removed when this process exits. */
  void release() {
    // a RawArray lives as long as its creating process, as in CPython
  }
}
