package dev.interleave.internal.ipc;

/**
 * Layout of a byte ring in a shared-memory segment: a 256-byte header of four cache lines
 * (writer side, reader side, and the two event counts) followed by the data area.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+  +0, written by writers
 * |                 Tail: bytes ever published (64)               |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Writer lock ({@link OwnerLock}, 16 bytes)     |
 * |                                                               |
 * +-------------------------------+-------------------------------+
 * |  Frame open (pipes: a chunked |  Write log (queues: the spill |
 * |  frame is being written)      |  log writers append to, or 0) |
 * +-------------------------------+-------------------------------+
 * |                 Published (queues: items ever published, 64)  |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                       (pad to 64)                           ...
 * +---------------------------------------------------------------+  +64, written by readers
 * |                 Head: bytes ever consumed (64)                |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Reader lock ({@link OwnerLock}, 16 bytes)     |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Taken (queues: items ever taken, 64)          |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Cursor (queues: spill log number (24 bits),   |
 * |                 offset in that log (40 bits))                 |
 * +---------------------------------------------------------------+
 * +---------------------------------------------------------------+  +128
 * |                 Data event ({@link EventCount}): not empty    |
 * +---------------------------------------------------------------+  +192
 * |                 Space event ({@link EventCount}): not full    |
 * +---------------------------------------------------------------+  +256
 * |                 Data: capacity bytes of chunks              ...
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Positions (head, tail) grow without wrapping; a position's byte is at {@code position &
 * (capacity - 1)}. The data is a sequence of 8-byte aligned chunks, each an 8-byte {@link Chunk}
 * header followed by its payload padded to 8 bytes; a header never wraps, a payload may.
 */
final class RingLayout {
  static final int TAIL = 0;
  static final int WRITER_LOCK = 8;
  static final int FRAME_OPEN = 24;
  static final int WRITE_LOG = 28;
  static final int PUBLISHED = 32;
  static final int HEAD = 64;
  static final int READER_LOCK = 72;
  static final int TAKEN = 88;
  static final int CURSOR = 96;
  static final int DATA_EVENT = 128;
  static final int SPACE_EVENT = 192;
  static final int DATA = 256;

  /** Smallest and largest data areas. */
  static final int MIN_CAPACITY = 4096;
  static final int MAX_CAPACITY = 1 << 30;

  private RingLayout() {}

  /** Bytes a ring of {@code capacity} occupies in its segment. */
  static int size(int capacity) {
    return DATA + capacity;
  }

  /** Checks a requested data capacity: a power of two within bounds. */
  static int checkCapacity(int capacity) {
    if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("ring capacity must be a power of two in ["
          + MIN_CAPACITY + ", " + MAX_CAPACITY + "] but was: " + capacity);
    }
    return capacity;
  }
}
