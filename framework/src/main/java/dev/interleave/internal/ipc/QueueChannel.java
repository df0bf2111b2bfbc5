package dev.interleave.internal.ipc;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.io.Serializable;

/**
 * One process's handle of a multi-producer, multi-consumer queue of serialized items in shared
 * memory.
 *
 * <p>A {@link #put} reserves a slot (bounded queues wait here for room), then appends the item
 * under the writer lock with {@link QueueWriter}: it never waits for a consumer, because what
 * does not fit in the ring goes to spill logs. A {@link #take} waits, without holding any lock,
 * until the published-items counter moves, then takes one item under the reader lock with {@link
 * QueueReader}. Items from one producer thread are taken in the order it put them.
 */
public final class QueueChannel {
  private final QueueSegment queue;
  private final Ring ring;
  private final QueueWriter writer;
  private final QueueReader reader;
  private final String id;

  private QueueChannel(QueueSegment queue) {
    this.queue = queue;
    this.ring = queue.ring;
    SpillLogs logs = new SpillLogs(queue.segment.name());
    this.writer = new QueueWriter(queue, logs);
    this.reader = new QueueReader(queue, logs);
    this.id = QueueSegment.id(queue.segment);
  }

  /** A new queue holding at most {@code maxsize} items (unbounded if {@code maxsize <= 0}). */
  public static QueueChannel create(int maxsize) {
    return new QueueChannel(QueueSegment.create(maxsize, QueueSegment.DEFAULT_CAPACITY));
  }

  public String id() {
    return id;
  }

  /** The maximum number of items, 0 for unbounded. */
  public int maxsize() {
    return queue.maxsize;
  }

  /** Items put and not yet taken (approximate while operations are in flight). */
  public int size() {
    return Math.max(0, queue.size());
  }

  /**
   * Appends an item, waiting until {@code deadline} for room in a bounded queue.
   *
   * @param task whether the item counts as an unfinished task (joinable queues)
   * @return false if the queue stayed full until the deadline
   */
  public boolean put(byte[] payload, long deadline, boolean task) throws InterruptedException {
    if (Points.controlled()) {
      return QueueSteps.put(this, payload, deadline, task);
    }
    Points.point(Op.PUT, id, null);
    if (!reserve(deadline)) {
      return false;
    }
    OwnerLock.Acquired a;
    try {
      a = ring.writerLock.lock(Deadlines.NONE);
    } catch (InterruptedException e) {
      unreserve();
      throw e;
    }
    append(payload, task, a);
    return true;
  }

  void unreserve() {
    queue.segment.getAndAddInt(QueueSegment.SIZE, -1);
    if (queue.maxsize > 0) {
      queue.slotEvent.signal();
    }
  }

  private boolean reserve(long deadline) throws InterruptedException {
    while (!tryReserve()) {
      if (Deadlines.remaining(deadline) == 0) {
        return false;
      }
      queue.slotEvent.await(() -> queue.size() < queue.maxsize, deadline,
          EventCount.SliceCheck.NONE);
    }
    return true;
  }

  boolean tryReserve() {
    if (queue.maxsize == 0) {
      queue.segment.getAndAddInt(QueueSegment.SIZE, 1);
      return true;
    }
    int s = queue.size();
    return s < queue.maxsize && queue.segment.casInt(QueueSegment.SIZE, s, s + 1);
  }

  /** Writes the item with the writer lock acquired ({@code a}), then releases the lock. */
  void append(byte[] payload, boolean task, OwnerLock.Acquired a) {
    if (task) {
      queue.segment.getAndAddInt(QueueSegment.UNFINISHED, 1);
    }
    try {
      if (a == OwnerLock.Acquired.RECOVERED) {
        writer.repair();
      }
      writer.write(payload);
    } catch (RuntimeException e) {
      unreserve();
      if (task) {
        queue.segment.getAndAddInt(QueueSegment.UNFINISHED, -1);
      }
      throw e;
    } finally {
      ring.writerLock.unlock();
    }
    ring.segment.getAndAddLong(ring.base + RingLayout.PUBLISHED, 1);
    ring.dataEvent.signal();
  }

  /**
   * Takes the next item, waiting until {@code deadline}.
   *
   * @return the item's payload, or null if none arrived before the deadline
   */
  public byte[] take(long deadline) throws InterruptedException {
    if (Points.controlled()) {
      return QueueSteps.take(this, deadline);
    }
    Points.point(Op.GET, id, null);
    while (true) {
      long seen = published();
      OwnerLock.Acquired a = ring.readerLock.lock(deadline);
      if (a != OwnerLock.Acquired.NO) {
        byte[] payload = takeLocked();
        if (payload != null) {
          return payload;
        }
      }
      if (Deadlines.remaining(deadline) == 0) {
        return null;
      }
      ring.dataEvent.await(() -> published() != seen, deadline, EventCount.SliceCheck.NONE);
    }
  }

  /** Takes an item with the reader lock held, then releases the lock. */
  byte[] takeLocked() {
    byte[] payload;
    try {
      payload = reader.take();
    } finally {
      ring.readerLock.unlock();
    }
    if (payload != null) {
      queue.segment.getAndAddInt(QueueSegment.SIZE, -1);
      if (queue.maxsize > 0) {
        queue.slotEvent.signal();
      }
    }
    return payload;
  }

  long published() {
    return ring.longAt(RingLayout.PUBLISHED);
  }

  /**
   * Marks one task done.
   *
   * @throws IllegalStateException if called more times than items were put
   */
  public void taskDone() {
    Points.point(Op.RELEASE, id, "taskDone");
    while (true) {
      int u = queue.segment.getInt(QueueSegment.UNFINISHED);
      if (u <= 0) {
        throw new IllegalStateException("taskDone() called more times than items were put on "
            + id);
      }
      if (queue.segment.casInt(QueueSegment.UNFINISHED, u, u - 1)) {
        if (u == 1) {
          queue.joinEvent.signal();
        }
        return;
      }
    }
  }

  /** Waits until every item put has been marked done; false if {@code deadline} passed first. */
  public boolean join(long deadline) throws InterruptedException {
    if (Points.controlled()) {
      return QueueSteps.join(this, deadline);
    }
    Points.point(Op.JOIN, id, null);
    return queue.joinEvent.await(this::allDone, deadline, EventCount.SliceCheck.NONE);
  }

  boolean allDone() {
    return queue.segment.getInt(QueueSegment.UNFINISHED) == 0;
  }

  Ring ring() {
    return ring;
  }

  /** A serializable stand-in that opens this queue in the process that reads it. */
  public Handle handOff() {
    return new Handle(queue.segment.name());
  }

  /** A queue in transit to another process. */
  public record Handle(String segment) implements Serializable {
    private static final long serialVersionUID = 1L;

    public QueueChannel open() {
      return new QueueChannel(QueueSegment.attach(segment));
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
