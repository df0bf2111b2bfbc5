package dev.interleave.internal.runtime;

import java.io.ByteArrayOutputStream;

/**
 * Removes a marker from a byte stream that arrives in chunks, remembering that it was seen. The
 * marker's first byte must not occur again in it (so a mismatch never hides a later match).
 */
final class MarkerFilter {
  private final byte[] marker;
  private int matched;
  private volatile boolean seen;

  MarkerFilter(byte[] marker) {
    this.marker = marker.clone();
  }

  /** The bytes of {@code buf[0..n)} without the marker; a partial match is held back. */
  byte[] filter(byte[] buf, int n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(n);
    for (int i = 0; i < n; i++) {
      byte b = buf[i];
      if (b == marker[matched]) {
        if (++matched == marker.length) {
          seen = true;
          matched = 0;
        }
        continue;
      }
      out.write(marker, 0, matched);
      matched = 0;
      if (b == marker[0]) {
        matched = 1;
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** The bytes held back by a partial match, at the end of the stream. */
  byte[] rest() {
    byte[] held = java.util.Arrays.copyOf(marker, matched);
    matched = 0;
    return held;
  }

  boolean seen() {
    return seen;
  }
}
