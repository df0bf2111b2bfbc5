package dev.interleave.internal.ipc;

/**
 * The 8-byte header of a chunk in a ring.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                 Type                                          |
 * +---------------------------------------------------------------+
 * |                 Payload length in bytes (before padding)      |
 * +---------------------------------------------------------------+
 * |                 Payload ...                                 ...
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>A frame is one {@link #SINGLE} chunk, or a {@link #BEGIN} chunk whose payload is the
 * frame's 64-bit length followed by {@link #MORE} chunks and one {@link #LAST} chunk. An {@link
 * #ABORT} chunk, written by a writer that took over from a dead one, ends a frame that will never
 * be completed. A {@link #SPILL} chunk's payload is the number of a spill log holding the frames
 * that follow (queues only).
 */
final class Chunk {
  static final int SINGLE = 1;
  static final int BEGIN = 2;
  static final int MORE = 3;
  static final int LAST = 4;
  static final int ABORT = 5;
  static final int SPILL = 6;

  static final int HEADER = 8;

  private Chunk() {}

  static long header(int type, int length) {
    return ((long) type << 32) | (length & 0xFFFF_FFFFL);
  }

  static int type(long header) {
    return (int) (header >>> 32);
  }

  static int length(long header) {
    return (int) header;
  }

  /** Bytes a chunk with {@code length} payload bytes takes in the ring. */
  static long footprint(long length) {
    return HEADER + align(length);
  }

  static long align(long n) {
    return (n + 7) & ~7L;
  }

  static String name(int type) {
    return switch (type) {
      case SINGLE -> "SINGLE";
      case BEGIN -> "BEGIN";
      case MORE -> "MORE";
      case LAST -> "LAST";
      case ABORT -> "ABORT";
      case SPILL -> "SPILL";
      default -> "unknown type " + type;
    };
  }
}
