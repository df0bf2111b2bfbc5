package dev.interleave.internal.ipc;

/**
 * An append-only segment holding queue items that did not fit in the queue's ring, so that a
 * {@code put} never waits for a consumer and a producer can exit with items still unread.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+  +0
 * |                 Committed: bytes of complete frames (64)      |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Uncounted: 1 once off the queue's spill account|
 * +---------------------------------------------------------------+
 * |                 Next: the log that continues this one, or 0   |
 * +---------------------------------------------------------------+
 * |                       (pad to 64)                           ...
 * +---------------------------------------------------------------+  +64
 * |                 Frame length (64)                             |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Payload, padded to 8 bytes                  ...
 * +---------------------------------------------------------------+
 *   ... more frames
 * </pre>
 *
 * <p>A frame is visible once {@code committed} covers it (one volatile store after the copy), so
 * a writer killed mid-append leaves nothing half-written. Writers leave a log (by linking a
 * {@code next} one, or by clearing the ring's write-log word) only after their last append to
 * it, and readers read those words before {@code committed}: a reader that sees the writers gone
 * also sees every frame they appended. Logs are files named after
 * their queue in the queue's spill directory ({@link SpillLogs}), so they outlive the producer
 * that wrote them; the reader deletes each one when it moves past it.
 */
final class SpillLog {
  static final int HEADER = 64;
  private static final int COMMITTED = 0;
  private static final int UNCOUNTED = 8;
  private static final int NEXT = 12;

  final int number;
  private final MappedFile segment; // keeps the mapping alive while the address is used
  private final long address;

  SpillLog(int number, MappedFile segment) {
    this.number = number;
    this.segment = segment;
    this.address = Mem.base(segment.buffer());
  }

  static String suffix(int number) {
    return "s" + number;
  }

  String name() {
    return segment.name();
  }

  int size() {
    return segment.size();
  }

  /** Bytes of complete frames, checked against the log's size. */
  long committed() {
    long c = Mem.getLongVolatile(address + COMMITTED);
    if (c < 0 || c > segment.size() - HEADER) {
      throw new IpcFailure(IpcFailure.Kind.CORRUPT_FRAME, "spill log " + name()
          + " claims " + c + " committed bytes in " + segment.size());
    }
    return c;
  }

  /** Takes this log off its queue's spill account; true for the one call that does. */
  boolean uncount() {
    return Mem.casInt(address + UNCOUNTED, 0, 1);
  }

  int next() {
    return Mem.getIntVolatile(address + NEXT);
  }

  void link(int next) {
    Mem.putIntVolatile(address + NEXT, next);
  }

  /** Whether a frame of {@code length} bytes still fits. */
  boolean fits(int length) {
    return HEADER + committed() + Chunk.footprint(length) <= segment.size();
  }

  /** Appends a frame; the caller checked {@link #fits} and holds the queue's writer lock. */
  void append(Codec.Encoded item) {
    long at = committed();
    long pos = address + HEADER + at;
    Mem.putLong(pos, item.size());
    Mem.putByte(pos + 8, item.tag());
    Mem.copy(item.body(), item.offset(), pos + 9, item.length());
    Mem.putLongVolatile(address + COMMITTED, at + Chunk.footprint(item.size()));
  }

  /**
   * The frame at {@code offset} (a value of the reader's cursor), checked against the log.
   *
   * @return the item, and in {@code footprint[0]} the bytes it takes in the log
   */
  Codec.Item read(long offset, long[] footprint) {
    long committed = committed();
    long length = offset >= 0 && offset + 8 <= committed
        ? Mem.getLong(address + HEADER + offset) : -1;
    if (length < 1 || offset + Chunk.footprint(length) > committed) {
      throw new IpcFailure(IpcFailure.Kind.CORRUPT_FRAME, "a frame of " + length
          + " bytes at offset " + offset + " overruns spill log " + name());
    }
    long at = address + HEADER + offset + 8;
    byte[] body = new byte[(int) length - 1];
    Mem.copy(at + 1, body, 0, body.length);
    footprint[0] = Chunk.footprint(length);
    return new Codec.Item(Mem.getByte(at), body);
  }

  /** Bytes a log must have to hold a frame of {@code length} bytes. */
  static long sizeFor(int length) {
    return HEADER + Chunk.footprint(length);
  }
}
