package dev.interleave.internal.sync;

import dev.interleave.internal.shm.Segment;

/**
 * The wait queue of a condition variable in shared memory: one slot per waiting thread.
 *
 * <pre>
 *   +0   order  long  arrival counter
 *   +8   high   int   slots used so far (scans stop there; raised under the lock)
 *   +64  slots  {@value #SLOTS} x 32 bytes:
 *          +0 state int (futex word: FREE, CLAIMED, WAITING, NOTIFIED)
 *          +8 order long (arrival number), +16 owner long (holder code of the waiter)
 * </pre>
 *
 * <p>The condition's lock is a separate {@link MutexCore}; callers hold it around {@link
 * #register} and {@link #notify}.
 */
/* Overview
 *
 * A waiter, holding the lock, claims a free slot (CAS FREE -> CLAIMED), stamps it with the next
 * arrival number and its process, publishes it as WAITING, releases the lock and parks on its
 * own slot word while it reads WAITING. notify(n), holding the lock, picks the n WAITING slots
 * with the lowest arrival numbers, CASes each to NOTIFIED and wakes its word: exactly the
 * chosen waiters wake, in arrival order. A waiter that times out or is interrupted CASes its
 * slot from WAITING back to FREE; if that CAS fails it was notified at the same moment, and it
 * reports the notification rather than losing it. A waiter that read NOTIFIED frees its slot.
 *
 * Slots of waiters whose process died are skipped by notify (so a notification is not lost on
 * them) and reclaimed when the table is full.
 */
public final class ConditionCore {
  /** How many threads can wait on one condition at the same time. */
  public static final int SLOTS = 1024;
  static final int SIZE = 64 + SLOTS * 32;
  private static final int ORDER = 0;
  private static final int HIGH = 8;
  private static final int SLOT_BASE = 64;
  private static final int FREE = 0;
  private static final int CLAIMED = 1;
  private static final int WAITING = 2;
  private static final int NOTIFIED = 3;

  private final SyncSegment sync;
  private final Segment s;
  private final int base = SyncSegment.BODY;

  public ConditionCore(SyncSegment sync) {
    this.sync = sync;
    this.s = sync.segment();
  }

  /**
   * Enters the wait queue (call while holding the lock, before releasing it).
   *
   * @return the slot, for {@link #awaitNotified} and {@link #leave}
   * @throws IllegalStateException if {@value #SLOTS} threads are already waiting
   */
  public int register() {
    int slot = claim();
    if (slot < 0 && reclaimDead() > 0) {
      slot = claim();
    }
    if (slot < 0) {
      throw new IllegalStateException(sync + ": " + SLOTS + " threads are already waiting, the"
          + " most supported at the same time; thread \"" + Thread.currentThread().getName()
          + "\" of " + Holders.describe(Holders.self()) + " cannot wait too");
    }
    s.setLong(slotAt(slot) + 8, s.getAndAddLong(base + ORDER, 1));
    s.setLong(slotAt(slot) + 16, Holders.self());
    s.setInt(slotAt(slot), WAITING);
    return slot;
  }

  private int claim() {
    int high = high();
    for (int i = 0; i < high; i++) {
      if (s.getInt(slotAt(i)) == FREE && s.casInt(slotAt(i), FREE, CLAIMED)) {
        return i;
      }
    }
    if (high < SLOTS && s.casInt(slotAt(high), FREE, CLAIMED)) {
      s.setInt(base + HIGH, high + 1);
      return high;
    }
    return -1;
  }

  private int high() {
    return s.getInt(base + HIGH);
  }

  private int reclaimDead() {
    int freed = 0;
    for (int i = 0, n = high(); i < n; i++) {
      if (s.getInt(slotAt(i)) == WAITING && Holders.isDead(s.getLong(slotAt(i) + 16))
          && s.casInt(slotAt(i), WAITING, FREE)) {
        freed++;
      }
    }
    return freed;
  }

  /**
   * Parks until the slot is notified or {@code timeoutNanos} elapse ({@link Timeouts#FOREVER}
   * for no limit). Returns whether it was notified; {@link #leave} must follow.
   */
  public boolean awaitNotified(int slot, long timeoutNanos) throws InterruptedException {
    long deadline = Timeouts.deadline(System.nanoTime(), timeoutNanos);
    return Blocking.parkWhileEquals(sync, slotAt(slot), WAITING, deadline);
  }

  /** Whether the slot was notified. */
  public boolean isNotified(int slot) {
    return s.getInt(slotAt(slot)) == NOTIFIED;
  }

  /**
   * Leaves the queue, whether notified or not; returns whether the slot was notified (a
   * notification racing with a timeout or interrupt counts).
   */
  public boolean leave(int slot) {
    if (s.casInt(slotAt(slot), WAITING, FREE)) {
      return false;
    }
    s.setInt(slotAt(slot), FREE);
    return true;
  }

  /** Wakes up to {@code n} waiters, oldest first (call while holding the lock). */
  public int notify(int n) {
    int woken = 0;
    long after = Long.MIN_VALUE;
    while (woken < n) {
      int slot = oldestWaitingAfter(after);
      if (slot < 0) {
        break;
      }
      after = s.getLong(slotAt(slot) + 8);
      if (wake(slot)) {
        woken++;
      }
    }
    return woken;
  }

  private boolean wake(int slot) {
    int at = slotAt(slot);
    if (Holders.isDead(s.getLong(at + 16))) {
      s.casInt(at, WAITING, FREE);
      return false;
    }
    if (!s.casInt(at, WAITING, NOTIFIED)) {
      return false;
    }
    Blocking.wakeWord(s, at, 1);
    return true;
  }

  private int oldestWaitingAfter(long after) {
    int best = -1;
    long bestOrder = Long.MAX_VALUE;
    for (int i = 0, n = high(); i < n; i++) {
      if (s.getInt(slotAt(i)) == WAITING) {
        long order = s.getLong(slotAt(i) + 8);
        if (order > after && order < bestOrder) {
          best = i;
          bestOrder = order;
        }
      }
    }
    return best;
  }

  /** How many threads are waiting. */
  public int waiting() {
    int waiting = 0;
    for (int i = 0, n = high(); i < n; i++) {
      waiting += s.getInt(slotAt(i)) == WAITING ? 1 : 0;
    }
    return waiting;
  }

  /** Wakes every parked waiter without notifying it (after the primitive was closed). */
  public void wakeAll() {
    for (int i = 0, n = high(); i < n; i++) {
      Blocking.wakeWord(s, slotAt(i), 1);
    }
  }

  private int slotAt(int slot) {
    return base + SLOT_BASE + slot * 32;
  }
}
