package dev.interleave.internal.runtime;

import java.nio.charset.StandardCharsets;

/** The last few kilobytes a child printed, for error messages. Thread-safe. */
final class OutputTail {
  private final byte[] ring;
  private long written;

  OutputTail(int capacity) {
    ring = new byte[capacity];
  }

  synchronized void append(byte[] buf, int off, int len) {
    for (int i = 0; i < len; i++) {
      ring[(int) (written++ % ring.length)] = buf[off + i];
    }
  }

  synchronized String text() {
    int n = (int) Math.min(written, ring.length);
    byte[] out = new byte[n];
    long start = written - n;
    for (int i = 0; i < n; i++) {
      out[i] = ring[(int) ((start + i) % ring.length)];
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
