package dev.interleave.faults;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Items whose every byte depends on their sequence number and length, so that an item cut short,
 * spliced from two, or shifted is told apart from a whole one. Item {@code seq}'s body is a fixed
 * random pattern read from offset {@code seq * STRIDE} on, so making and checking an item are
 * copies and comparisons (a writer spends its time writing, not computing).
 */
final class Payloads {
  private static final int HEADER = Long.BYTES + Integer.BYTES;
  private static final int PERIOD = 65_521; // prime: no two of 65,521 consecutive items align
  private static final int STRIDE = 7_919;
  private static final byte[] PATTERN = pattern();

  private Payloads() {}

  private static byte[] pattern() {
    byte[] p = new byte[PERIOD * 2];
    new Random(PERIOD).nextBytes(p);
    System.arraycopy(p, 0, p, PERIOD, PERIOD); // any PERIOD bytes from any offset < PERIOD
    return p;
  }

  /** Item {@code seq}, {@code size} bytes long (at least the 12-byte header). */
  static byte[] of(long seq, int size) {
    byte[] b = new byte[Math.max(size, HEADER)];
    ByteBuffer.wrap(b).putLong(seq).putInt(b.length);
    for (int i = HEADER; i < b.length; i += PERIOD) {
      System.arraycopy(PATTERN, start(seq, i), b, i, Math.min(PERIOD, b.length - i));
    }
    return b;
  }

  /** The item's sequence number, or -1 if it is not a whole item of {@link #of}. */
  static long check(byte[] b) {
    if (b == null || b.length < HEADER) {
      return -1;
    }
    ByteBuffer header = ByteBuffer.wrap(b);
    long seq = header.getLong();
    if (seq < 0 || header.getInt() != b.length) {
      return -1;
    }
    for (int i = HEADER; i < b.length; i += PERIOD) {
      int n = Math.min(PERIOD, b.length - i);
      int from = start(seq, i);
      if (!Arrays.equals(b, i, i + n, PATTERN, from, from + n)) {
        return -1;
      }
    }
    return seq;
  }

  /** Where in the pattern byte {@code i} of item {@code seq} is. */
  private static int start(long seq, int i) {
    return (int) ((seq * STRIDE + i) % PERIOD);
  }
}
