package dev.interleave.internal.ipc;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.shm.SharedMemory;
import java.io.Serializable;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One process's handle of a multi-producer, multi-consumer queue of serialized items in shared
 * memory.
 *
 * <p>A {@link #put} waits for room if the queue is bounded and full, takes the writer lock,
 * checks the room again (the count is exact under that lock, so no slot is reserved outside it)
 * and appends the item with {@link QueueWriter}: it never waits for a consumer otherwise,
 * because what does not fit in the ring goes to spill logs. Both locks are only ever held for
 * one item's copy (plus, for the writer lock, at most {@link #SPILL_WAIT_NANOS}), so waiting for
 * them is not blocking in the API's sense: {@code putNowait} and {@code getNowait} wait for them. A {@link #take} waits, without holding any lock,
 * until the published-items counter moves, then takes one item under the reader lock with {@link
 * QueueReader}. Items from one producer thread are taken in the order it put them.
 */
public final class QueueChannel {
  /** How long a put waits for a consumer to make room in a full ring before it spills. */
  static final long SPILL_WAIT_NANOS = Long.getLong("interleave.queue.spillWaitNanos", 2_000_000L);

  private final QueueSegment queue;
  private final Ring ring;
  private final QueueWriter writer;
  private final QueueReader reader;
  private final String id;
  private final Path spillDir;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Cleaner.Cleanable release;

  /** @param transit the reservation this handle was sent with, or null for the creator's */
  private QueueChannel(QueueSegment queue, Path spillDir, EndTable.Reservation transit) {
    QueueHolds.open(queue, transit);
    this.release = EndTable.CLEANER.register(this,
        new Release(queue.holders, queue.segment.name()));
    this.queue = queue;
    this.ring = queue.ring;
    this.spillDir = spillDir;
    SpillLogs logs = new SpillLogs(queue, spillDir);
    this.writer = new QueueWriter(queue, logs);
    this.reader = new QueueReader(queue, logs);
    this.id = QueueSegment.id(queue.segment);
  }

  /**
   * A new queue holding at most {@code maxsize} items (unbounded if {@code maxsize <= 0}), which
   * spills into the directory and up to the limit that {@link SpillDirectory} configures now.
   *
   * @throws IpcFailure of kind {@link IpcFailure.Kind#NO_SPACE} if the shared-memory directory
   *     has no room for the queue's ring
   * @throws IllegalArgumentException if the configured spill limit is malformed
   */
  public static QueueChannel create(int maxsize) {
    Path dir = SpillDirectory.configured();
    long limit = SpillDirectory.limit();
    QueueSegment queue = QueueSegment.create(maxsize, QueueSegment.DEFAULT_CAPACITY, limit);
    SpillDirectory.own(dir, queue.segment.name());
    return new QueueChannel(queue, dir, null);
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
  public boolean put(Codec.Encoded item, long deadline, boolean task)
      throws InterruptedException {
    if (Points.controlled()) {
      return QueueSteps.put(this, item, deadline, task);
    }
    Points.point(Op.PUT, id, null);
    while (true) {
      if (!hasRoom() && !queue.slotEvent.await(this::hasRoom, deadline,
          EventCount.SliceCheck.NONE)) {
        return false;
      }
      OwnerLock.Acquired a = ring.writerLock.lock(Deadlines.NONE); // held briefly, never idle
      try {
        if (a == OwnerLock.Acquired.RECOVERED) {
          writer.repair();
        }
        if (!hasRoom()) {
          continue; // another producer took the room
        }
        appendLocked(item, task, System.nanoTime() + SPILL_WAIT_NANOS);
      } finally {
        ring.writerLock.unlock();
      }
      ring.dataEvent.signal();
      return true;
    }
  }

  void repair() {
    writer.repair();
  }

  /** Whether a bounded queue has room; exact for the holder of the writer lock. */
  boolean hasRoom() {
    return queue.maxsize == 0 || queue.size() < queue.maxsize;
  }

  /** Writes the item; the caller holds the writer lock and checked {@link #hasRoom()}. */
  void appendLocked(Codec.Encoded item, boolean task, long spillDeadline)
      throws InterruptedException {
    if (task) {
      queue.addInt(QueueSegment.UNFINISHED, 1);
    }
    try {
      writer.write(item, spillDeadline);
    } catch (RuntimeException | InterruptedException e) {
      if (task) {
        queue.addInt(QueueSegment.UNFINISHED, -1);
      }
      throw e;
    }
    ring.addLongAt(RingLayout.PUBLISHED, 1);
  }

  /**
   * Takes the next item, waiting until {@code deadline}.
   *
   * @return the item, or null if none arrived before the deadline
   */
  public Codec.Item take(long deadline) throws InterruptedException {
    if (Points.controlled()) {
      return QueueSteps.take(this, deadline);
    }
    Points.point(Op.GET, id, null);
    while (true) {
      long seen = published();
      ring.readerLock.lock(Deadlines.NONE); // held briefly: one item's copy
      Codec.Item item = takeLocked();
      if (item != null) {
        return item;
      }
      if (Deadlines.remaining(deadline) == 0) {
        return null;
      }
      // after each slice, try again anyway: a producer killed between publishing an item and
      // counting it must not leave the item unseen
      ring.dataEvent.await(() -> published() != seen, deadline, () -> true);
    }
  }

  /** Takes an item with the reader lock held, then releases the lock. */
  Codec.Item takeLocked() {
    Codec.Item payload;
    try {
      payload = reader.take();
      if (payload != null) {
        ring.addLongAt(RingLayout.TAKEN, 1);
      }
    } finally {
      ring.readerLock.unlock();
    }
    if (payload != null && queue.maxsize > 0) {
      queue.slotEvent.signal();
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
      int u = queue.intAt(QueueSegment.UNFINISHED);
      if (u <= 0) {
        throw new IllegalStateException("taskDone() called more times than items were put on "
            + id);
      }
      if (queue.casInt(QueueSegment.UNFINISHED, u, u - 1)) {
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
    return queue.intAt(QueueSegment.UNFINISHED) == 0;
  }

  /** The queue's segment. */
  public dev.interleave.internal.shm.Segment segment() {
    return queue.segment;
  }

  Ring ring() {
    return ring;
  }

  /**
   * Releases this handle; other handles of the queue stay open. Once no live process holds the
   * queue and no handle of it is in transit, nobody can reach it any more: its file and spill
   * files are removed now rather than at its creator's exit, or, if other processes still hold
   * it, once the last of them has closed it or died ({@link LastHolderWatch}). Idempotent.
   */
  public void close() {
    if (closed.compareAndSet(false, true)) {
      release.clean();
      String name = queue.segment.name();
      Path spill = spillDir;
      Runnable remove = () -> {
        SharedMemory.unlink(name);
        SpillDirectory.removeQueue(spill, name);
      };
      if (!queue.holders.anyLive()) {
        remove.run();
      } else { // a holder may die without closing
        LastHolderWatch.watch(queue.segment.path(), remove, queue.holders);
      }
    }
  }

  /**
   * A serializable stand-in that opens this queue in the process that reads it; until then (or
   * until its reservation lapses, {@link EndTable}) it keeps the queue as a holder would. With
   * every slot of the holder table taken, the stand-in travels without a reservation rather
   * than failing the put or send that carries it: the queue then lives as long as a process
   * holds it.
   */
  public Handle handOff() {
    EndTable.Reservation r;
    try {
      r = queue.holders.reserve();
    } catch (IllegalStateException full) {
      r = new EndTable.Reservation(-1, 0);
    }
    return new Handle(queue.segment.name(), spillDir.toString(), r.slot(), r.nonce());
  }

  /** A queue in transit to another process: its segment, spill directory and reservation. */
  public record Handle(String segment, String spillDir, int slot, long nonce)
      implements Serializable {
    private static final long serialVersionUID = 3L;

    public QueueChannel open() {
      return new QueueChannel(QueueSegment.attach(segment), Path.of(spillDir),
          new EndTable.Reservation(slot, nonce));
    }
  }

  /** Counts a handle out; must not capture the channel, so that it can be collected. */
  private record Release(EndTable holders, String queue) implements Runnable {
    @Override
    public void run() {
      QueueHolds.close(holders, queue);
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
