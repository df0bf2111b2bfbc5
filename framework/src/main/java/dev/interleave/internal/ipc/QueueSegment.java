package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.Segment;
import dev.interleave.internal.shm.SharedMemory;

/**
 * The shared-memory segment of one queue: counters and a ring of items.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+  +0
 * |                 Magic "IQUE"                                  |
 * +---------------------------------------------------------------+
 * |                 Layout version                                |
 * +---------------------------------------------------------------+
 * |                 Maximum size in items, 0 = unbounded          |
 * +---------------------------------------------------------------+
 * |                 Ring capacity in bytes                        |
 * +---------------------------------------------------------------+  +64
 * |                       (reserved, 64)                          |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Slot event ({@link EventCount}): an item left |
 * +---------------------------------------------------------------+  +128
 * |                 Unfinished tasks (joinable queues)            |
 * +---------------------------------------------------------------+
 * |                       (pad)                                   |
 * +---------------------------------------------------------------+
 * |                 Join event ({@link EventCount}): tasks done   |
 * +---------------------------------------------------------------+  +192
 * |                 Spill logs created so far                     |
 * +---------------------------------------------------------------+  +200
 * |                 Spill limit in bytes (64)                     |
 * |                                                               |
 * +---------------------------------------------------------------+  +208
 * |                 Bytes of spill logs now on disk (64)          |
 * |                                                               |
 * +---------------------------------------------------------------+  +256
 * |                 Holders ({@link EndTable}): one slot a process ...
 * +---------------------------------------------------------------+  +256 + EndTable.SIZE
 * |                 Ring ({@link RingLayout}) of items          ...
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The file goes once no live process holds the queue and no handle of it is in transit
 * ({@link QueueChannel#close}), or when its creator exits.
 *
 * <p>The number of items is the ring's published count minus its taken count, each updated
 * under its lock; a bounded queue's writer checks it with the writer lock held, so no slot is
 * ever reserved outside the lock and a killed producer cannot leak one.
 */
final class QueueSegment {
  static final int MAGIC = 0x49515545;
  static final int VERSION = 2;
  static final int DEFAULT_CAPACITY = Integer.getInteger("interleave.queue.ringBytes", 1 << 20);
  static final int MAXSIZE = 8;
  static final int CAPACITY = 12;
  static final int SLOT_EVENT = 72;
  static final int UNFINISHED = 128;
  static final int JOIN_EVENT = 136;
  static final int LOGS = 192;
  static final int SPILL_LIMIT = 200;
  static final int SPILL_BYTES = 208;
  static final int HOLDERS = 256;
  static final int RING = HOLDERS + EndTable.SIZE;

  final Segment segment;
  final Ring ring;
  final int maxsize;
  final EventCount slotEvent;
  final EventCount joinEvent;
  /** The processes holding the queue, and handles of it in transit ({@link QueueHolds}). */
  final EndTable holders;
  private final long address;

  private QueueSegment(Segment segment) {
    this.segment = segment;
    this.address = Mem.base(segment);
    this.maxsize = segment.getInt(MAXSIZE);
    this.ring = new Ring(segment, RING, segment.getInt(CAPACITY), id(segment) + " ring");
    this.slotEvent = new EventCount(segment, SLOT_EVENT);
    this.joinEvent = new EventCount(segment, JOIN_EVENT);
    this.holders = new EndTable(segment, HOLDERS, id(segment) + " holders");
  }

  static QueueSegment create(int maxsize, int capacity, long spillLimit) {
    RingLayout.checkCapacity(capacity);
    Segment segment = Space.segment("queue", RING + RingLayout.size(capacity));
    segment.setInt(MAXSIZE, Math.max(0, maxsize));
    segment.setInt(CAPACITY, capacity);
    segment.setLong(SPILL_LIMIT, spillLimit);
    segment.setInt(4, VERSION);
    segment.setInt(0, MAGIC);
    return new QueueSegment(segment);
  }

  static QueueSegment attach(String name) {
    Segment segment = SharedMemory.attach(name);
    if (segment.size() < RING || segment.getInt(0) != MAGIC || segment.getInt(4) != VERSION) {
      throw new IpcFailure(IpcFailure.Kind.CORRUPT_FRAME, "segment " + name
          + " is not a queue of layout version " + VERSION);
    }
    return new QueueSegment(segment);
  }

  static String id(Segment segment) {
    return "queue:" + segment.name().substring(SharedMemory.PREFIX.length());
  }

  int intAt(int offset) {
    return Mem.getIntVolatile(address + offset);
  }

  int addInt(int offset, int delta) {
    return Mem.getAndAddInt(address + offset, delta);
  }

  long longAt(int offset) {
    return Mem.getLongVolatile(address + offset);
  }

  /** Adds {@code delta} to a 64-bit counter; returns its value before. */
  long addLong(int offset, long delta) {
    return Mem.getAndAddLong(address + offset, delta);
  }

  boolean casInt(int offset, int expected, int value) {
    return Mem.casInt(address + offset, expected, value);
  }

  /** Items published and not yet taken; approximate while operations are in flight. */
  int size() {
    long taken = ring.longAt(RingLayout.TAKEN);
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE,
        ring.longAt(RingLayout.PUBLISHED) - taken));
  }
}
