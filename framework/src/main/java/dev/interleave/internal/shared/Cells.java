package dev.interleave.internal.shared;

import dev.interleave.internal.shm.Segment;
import dev.interleave.internal.shm.SharedMemory;

/**
 * The typed slots of a shared value or array: a 16-byte header, then {@code length} slots of 4
 * or 8 bytes, each accessed atomically with volatile semantics.
 *
 * <pre>
 *   0               4               8               12              16
 *  +---------------+---------------+---------------+---------------+
 *  | magic         | type code     | length        | slot width    |
 *  +---------------+---------------+---------------+---------------+
 *  | slot 0, slot 1, ... (4 or 8 bytes each)                       |
 * </pre>
 *
 * <p>The segment file belongs to the creating process (removed at its exit, swept if it is
 * killed), as a primitive's does.
 */
public final class Cells {
  private static final int MAGIC = 0x494c5653; // "ILVS"
  private static final int BODY = 16;

  private final Segment segment;
  private final char code;
  private final int length;
  private final boolean wide;

  private Cells(Segment segment, char code, int length, boolean wide) {
    this.segment = segment;
    this.code = code;
    this.length = length;
    this.wide = wide;
  }

  /** New zeroed slots; {@code kind} tags the file name ({@code value}, {@code array}). */
  public static Cells create(String kind, char code, int length, boolean wide) {
    if (length < 0) {
      throw new IllegalArgumentException("array length cannot be negative but was: " + length);
    }
    long size = BODY + (long) length * (wide ? 8 : 4);
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("array of " + length + " elements of type '" + code
          + "' exceeds 2 GiB");
    }
    Segment s = SharedMemory.create(kind, (int) size);
    s.setInt(4, code);
    s.setInt(8, length);
    s.setInt(12, wide ? 8 : 4);
    s.setInt(0, MAGIC);
    return new Cells(s, code, length, wide);
  }

  /**
   * Maps the slots named {@code name}.
   *
   * @throws IllegalStateException if the file is gone or holds something else
   */
  public static Cells attach(String name) {
    Segment s = SharedMemory.attach(name);
    if (s.size() < BODY || s.getInt(0) != MAGIC) {
      throw new IllegalStateException("shared-memory segment " + name
          + " does not hold a shared value or array");
    }
    return new Cells(s, (char) s.getInt(4), s.getInt(8), s.getInt(12) == 8);
  }

  public String name() {
    return segment.name();
  }

  public char code() {
    return code;
  }

  public int length() {
    return length;
  }

  private int at(int i) {
    return wide ? BODY + (i << 3) : BODY + (i << 2);
  }

  /** The bits of slot {@code i} (sign-extended from 32 bits for narrow slots). */
  public long get(int i) {
    return wide ? segment.getLong(at(i)) : segment.getInt(at(i));
  }

  public void set(int i, long bits) {
    if (wide) {
      segment.setLong(at(i), bits);
    } else {
      segment.setInt(at(i), (int) bits);
    }
  }

  public boolean compareAndSet(int i, long expected, long bits) {
    return wide ? segment.casLong(at(i), expected, bits)
        : segment.casInt(at(i), (int) expected, (int) bits);
  }

  public long getAndSet(int i, long bits) {
    if (wide) {
      return segment.getAndSetLong(at(i), bits);
    }
    while (true) {
      int old = segment.getInt(at(i));
      if (segment.casInt(at(i), old, (int) bits)) {
        return old;
      }
    }
  }

  /** Adds {@code delta} to a 32- or 64-bit integer slot, wrapping; returns the old value. */
  public long getAndAdd(int i, long delta) {
    return wide ? segment.getAndAddLong(at(i), delta) : segment.getAndAddInt(at(i), (int) delta);
  }

  /** Removes the file now (mappings stay valid); the creator's exit does it otherwise. */
  public void release() {
    SharedMemory.release(segment);
  }

  @Override
  public String toString() {
    return segment.name();
  }
}
