package dev.interleave.internal.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The frame format of every stream connection (a pipe end or manager connection over a Unix
 * domain or TCP socket, and the harness control channel): a frame is its payload's length as a
 * 64-bit big-endian integer followed by that many bytes. {@link FrameReader} reads it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                 Payload length (64, big-endian)               |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Payload ...                                 ...
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Lengths are 64-bit on the wire (no 2 GiB cliff in the format); a receiver holds a payload
 * in one array, so it refuses frames longer than {@link #MAX_ARRAY}.
 */
public final class Frames {
  /** The header's size. */
  public static final int HEADER = Long.BYTES;
  /** The longest payload a Java array holds. */
  public static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  /** A payload's first array holds at most this much; it grows as the rest arrives. */
  public static final int FIRST_ALLOCATION = 1 << 20;

  private Frames() {}

  /** The frame carrying {@code buf[offset, offset + length)}, for a gathering write. */
  public static ByteBuffer[] frame(byte[] buf, int offset, int length) {
    return new ByteBuffer[] {ByteBuffer.allocate(HEADER).putLong(0, length),
        ByteBuffer.wrap(buf, offset, length)};
  }

  /** Whether all of {@code frame} has been written. */
  public static boolean written(ByteBuffer[] frame) {
    return !frame[0].hasRemaining() && !frame[1].hasRemaining();
  }

  /**
   * {@code array}, or a copy at least twice as long (and at least {@code needed}, at most {@code
   * total}) when it holds fewer than {@code needed} bytes: a payload's memory follows the bytes
   * that arrived, not the length its header announced.
   */
  public static byte[] grow(byte[] array, long needed, long total) {
    if (needed <= array.length) {
      return array;
    }
    return Arrays.copyOf(array, (int) Math.min(total, Math.max(needed, 2L * array.length)));
  }
}
