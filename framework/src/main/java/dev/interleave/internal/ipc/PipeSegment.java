package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.Segment;
import dev.interleave.internal.shm.SharedMemory;

/**
 * The shared-memory segment of one pipe: who holds each end, and one ring per direction.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+  +0
 * |                 Magic "IPIP"                                  |
 * +---------------------------------------------------------------+
 * |                 Layout version                                |
 * +---------------------------------------------------------------+
 * |                 Duplex (1) or one-way (0)                     |
 * +---------------------------------------------------------------+
 * |                 Ring capacity in bytes                        |
 * +---------------------------------------------------------------+
 * |                       (pad to 64)                           ...
 * +---------------------------------------------------------------+  +64
 * |                 End 0 holders ({@link EndTable})            ...
 * +---------------------------------------------------------------+  +64 + 768
 * |                 End 1 holders ({@link EndTable})            ...
 * +---------------------------------------------------------------+  +1600
 * |                 Ring 0 ({@link RingLayout}): end 1 to end 0 ...
 * +---------------------------------------------------------------+
 * |                 Ring 1, duplex only: end 0 to end 1         ...
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>One-way pipes have only ring 0: end 0 receives, end 1 sends, as CPython's {@code
 * Pipe(duplex=False)}.
 */
final class PipeSegment {
  static final int MAGIC = 0x49504950;
  static final int VERSION = 1;
  static final int DEFAULT_CAPACITY = Integer.getInteger("interleave.pipe.ringBytes", 1 << 20);
  private static final int DUPLEX = 8;
  private static final int CAPACITY = 12;
  private static final int TABLES = 64;
  private static final int RINGS = TABLES + 2 * EndTable.SIZE;

  final Segment segment;
  final boolean duplex;
  private final EndTable[] tables;
  private final Ring[] rings;

  private PipeSegment(Segment segment, boolean duplex, int capacity) {
    this.segment = segment;
    this.duplex = duplex;
    String id = id(segment);
    this.tables = new EndTable[] {
        new EndTable(segment, TABLES, id + " end 0"),
        new EndTable(segment, TABLES + EndTable.SIZE, id + " end 1")};
    this.rings = new Ring[duplex ? 2 : 1];
    for (int i = 0; i < rings.length; i++) {
      rings[i] = new Ring(segment, RINGS + i * RingLayout.size(capacity), capacity, id + " ring " + i);
    }
  }

  static PipeSegment create(boolean duplex, int capacity) {
    RingLayout.checkCapacity(capacity);
    int size = RINGS + (duplex ? 2 : 1) * RingLayout.size(capacity);
    Segment segment = Space.segment("pipe", size);
    segment.setInt(DUPLEX, duplex ? 1 : 0);
    segment.setInt(CAPACITY, capacity);
    segment.setInt(4, VERSION);
    segment.setInt(0, MAGIC);
    return new PipeSegment(segment, duplex, capacity);
  }

  static PipeSegment attach(String name) {
    Segment segment = SharedMemory.attach(name);
    if (segment.size() < RINGS || segment.getInt(0) != MAGIC || segment.getInt(4) != VERSION) {
      throw new IpcFailure(IpcFailure.Kind.CORRUPT_FRAME, "segment " + name
          + " is not a pipe of layout version " + VERSION);
    }
    return new PipeSegment(segment, segment.getInt(DUPLEX) == 1, segment.getInt(CAPACITY));
  }

  /** The stable id of a pipe: its segment name without the common prefix. */
  static String id(Segment segment) {
    return "pipe:" + segment.name().substring(SharedMemory.PREFIX.length());
  }

  EndTable holders(int end) {
    return tables[end];
  }

  /** The ring {@code end} receives from, or null if it only sends. */
  Ring inbound(int end) {
    return duplex ? rings[end] : end == 0 ? rings[0] : null;
  }

  /** The ring {@code end} sends into, or null if it only receives. */
  Ring outbound(int end) {
    return duplex ? rings[1 - end] : end == 1 ? rings[0] : null;
  }
}
