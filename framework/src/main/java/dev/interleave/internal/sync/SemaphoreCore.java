package dev.interleave.internal.sync;

import dev.interleave.internal.shm.Segment;

/**
 * A counting semaphore in shared memory whose permits are attributed to the processes holding
 * them, so that the permits of a process that dies are returned; or, untracked, a plain counter
 * whose permits are never returned by anyone but a release.
 *
 * <pre>
 *   +0    guard     MutexCore (64 bytes), held while the words below change
 *   +64   value     long  permits available
 *   +72   max       long  upper bound of value (bounded semaphore), or -1
 *   +80   pending   long  recovered permits not yet handed out again
 *   +88   recovered long  permits recovered from dead processes, in all
 *   +96   waiters   int   threads parked on seq
 *   +100  seq       int   futex word, bumped on release
 *   +104  journal   one pending update (see Journal)
 *   +144  kept      long  permits kept by processes that exited normally holding them
 *   +152  untracked int   1 if permits are not attributed to processes (no recovery)
 *   +156  high      int   slots used so far (scans stop there)
 *   +192  slots     {@value #SLOTS} x (owner long, count long): permits held per process
 * </pre>
 */
/* Overview
 *
 * Every change of value and of a holder slot is made under the guard, a robust mutex (see
 * MutexCore) held for a few stores, and through the journal: the new values are written to the
 * journal, the journal is marked valid, the values are applied and the mark is cleared. A
 * process that dies holding the guard therefore leaves either no valid journal (nothing was
 * applied) or a valid one; the next guard holder, which took the guard over from the dead
 * process, re-applies it (applying is idempotent: it stores absolute values).
 *
 * Accounting: value + sum(slot counts) equals the permits that exist. acquire moves a permit
 * from value to the caller's slot; release moves one back from the caller's slot, or, if the
 * caller holds none, from another process's slot (a permit handed over), or else creates a
 * permit (a semaphore used as a signal). When a waiter finds value at 0, it looks for slots
 * whose process has died and moves their permits back to value ("pending" counts them until
 * an acquire takes them, and that acquire reports a recovered permit).
 *
 * value is read without the guard as a hint (a spinning waiter tests it before taking the
 * guard); slots are claimed per process, one process per slot, at most SLOTS at once, and scans
 * stop at the high-water mark of slots ever used.
 *
 * A process that exits normally holding permits keeps them (HeldAtExit): its slot's count moves
 * to kept, so they are never recovered. An untracked semaphore uses no slots: acquire and
 * release only change value, and nothing is ever recovered or kept.
 */
public final class SemaphoreCore implements HeldAtExit.Keepable {
  /** How many processes can hold permits at the same time. */
  public static final int SLOTS = 1024;
  static final int SIZE = 192 + SLOTS * 16;
  private static final int VALUE = 64;
  private static final int MAX = 72;
  private static final int PENDING = 80;
  private static final int RECOVERED = 88;
  private static final int WAITERS = 96;
  private static final int SEQ = 100;
  private static final int JOURNAL = 104;
  private static final int KEPT = 144;
  private static final int UNTRACKED = 152;
  private static final int HIGH = 156;
  private static final int SLOT_BASE = 192;

  /** Result of one try. */
  private static final int NONE = 0;
  private static final int TAKEN = 1;
  private static final int TAKEN_RECOVERED = 2;

  private final SyncSegment sync;
  private final Segment s;
  private final int base = SyncSegment.BODY;
  private final MutexCore guard;
  private final Journal journal;
  private final WaitWords words = new WaitWords(base + SEQ, base + WAITERS, true);
  private final ThreadLocal<boolean[]> lastRecovered = ThreadLocal.withInitial(() -> new boolean[1]);
  private int slotHint = -1;

  private SemaphoreCore(SyncSegment sync) {
    this.sync = sync;
    this.s = sync.segment();
    this.guard = new MutexCore(sync, base, false);
    this.journal = new Journal(s, base + JOURNAL, base + VALUE, base + PENDING,
        base + SLOT_BASE);
  }

  /**
   * Initializes a new semaphore's words.
   *
   * @param tracked whether permits are attributed to their holders (recovered from processes
   *     that die holding them); false for a semaphore that counts items or signals
   */
  public static SemaphoreCore create(SyncSegment sync, int value, int max, boolean tracked) {
    SemaphoreCore core = new SemaphoreCore(sync);
    core.s.setLong(core.base + MAX, max);
    core.s.setInt(core.base + UNTRACKED, tracked ? 0 : 1);
    core.s.setLong(core.base + VALUE, value);
    HeldAtExit.track(core);
    return core;
  }

  /** The semaphore of an attached segment. */
  public static SemaphoreCore attach(SyncSegment sync) {
    SemaphoreCore core = new SemaphoreCore(sync);
    HeldAtExit.track(core);
    return core;
  }

  /** Whether permits are attributed to the processes holding them (and recovered). */
  public boolean isTracked() {
    return s.getInt(base + UNTRACKED) == 0;
  }

  /** Tries once without blocking (also looking for permits of dead processes). */
  public boolean tryAcquire() {
    return attempt(true);
  }

  /**
   * Acquires one permit, waiting at most {@code timeoutNanos} ({@link Timeouts#FOREVER} for no
   * limit).
   */
  public boolean acquire(long timeoutNanos) throws InterruptedException {
    return Blocking.await(sync, words, this::attempt, timeoutNanos, true);
  }

  private boolean attempt(boolean thorough) {
    if (s.getLong(base + VALUE) <= 0 && !(thorough && isTracked() && recoverDead())) {
      return false;
    }
    int result = takeUnderGuard();
    if (result == NONE) {
      return false;
    }
    lastRecovered.get()[0] = result == TAKEN_RECOVERED;
    return true;
  }

  private int takeUnderGuard() {
    lockGuard();
    try {
      long value = s.getLong(base + VALUE);
      if (value <= 0) {
        return NONE;
      }
      if (!isTracked()) {
        journal.commit(value - 1, 0, -1, 0, 0);
        return TAKEN;
      }
      int slot = mySlot();
      long pending = s.getLong(base + PENDING);
      journal.commit(value - 1, pending > 0 ? pending - 1 : 0, slot, Holders.self(),
          slotCount(slot) + 1);
      return pending > 0 ? TAKEN_RECOVERED : TAKEN;
    } finally {
      guard.releaseGuard();
    }
  }

  /**
   * Releases one permit.
   *
   * @throws IllegalStateException if the semaphore is bounded and already at its bound
   */
  public void release() {
    lockGuard();
    try {
      long value = s.getLong(base + VALUE);
      long max = s.getLong(base + MAX);
      if (max >= 0 && value >= max) {
        throw new IllegalStateException(sync + " released too many times, by "
            + Holders.describe(Holders.self()) + ": its value is already " + value
            + ", its initial value");
      }
      int slot = isTracked() ? heldSlot() : -1;
      long pending = s.getLong(base + PENDING);
      if (slot < 0) {
        journal.commit(value + 1, pending, -1, 0, 0);
      } else {
        journal.commit(value + 1, pending, slot, slotOwner(slot), slotCount(slot) - 1);
      }
    } finally {
      guard.releaseGuard();
    }
    Blocking.signal(s, base + SEQ, base + WAITERS, 1);
  }

  /** Takes the guard, finishing the update of a process that died holding it. */
  private void lockGuard() {
    if (guard.acquireGuard()) {
      journal.replay();
    }
  }

  /** Whether the calling thread's last successful acquire took a recovered permit. */
  public boolean lastAcquireRecovered() {
    return lastRecovered.get()[0];
  }

  public long value() {
    return Math.max(0, s.getLong(base + VALUE));
  }

  /** Permits recovered from processes that died holding them, over the semaphore's life. */
  public long recoveredPermits() {
    return s.getLong(base + RECOVERED);
  }

  /** Permits held by the calling process. */
  public long heldByThisProcess() {
    for (int i = 0, n = high(); i < n; i++) {
      if (slotOwner(i) == Holders.self()) {
        return slotCount(i);
      }
    }
    return 0;
  }

  /** "pid 12 (2), pid 13 (1)": who holds permits, for messages and wait-for graphs. */
  public String holderDescription() {
    if (!isTracked()) {
      return "untracked";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = high(); i < n; i++) {
      long count = slotCount(i);
      if (count > 0) {
        b.append(b.length() == 0 ? "" : ", ").append(Holders.describe(slotOwner(i)))
            .append(" (").append(count).append(')');
      }
    }
    return b.length() == 0 ? "nobody" : b.toString();
  }

  /** Moves the permits of dead holders back to value; true if any were recovered. */
  private boolean recoverDead() {
    if (!anyDeadHolder()) {
      return false;
    }
    long recovered;
    lockGuard();
    try {
      recovered = recoverDeadLocked();
    } finally {
      guard.releaseGuard();
    }
    if (recovered > 0) {
      Blocking.signal(s, base + SEQ, base + WAITERS, (int) Math.min(recovered, Integer.MAX_VALUE));
    }
    return recovered > 0;
  }

  private boolean anyDeadHolder() {
    for (int i = 0, n = high(); i < n; i++) {
      long owner = slotOwner(i);
      if (owner != 0 && slotCount(i) > 0 && Holders.isDead(owner)) {
        return true;
      }
    }
    return false;
  }

  private long recoverDeadLocked() {
    long total = 0;
    for (int i = 0, n = high(); i < n; i++) {
      long owner = slotOwner(i);
      long count = slotCount(i);
      if (owner != 0 && count > 0 && Holders.isDead(owner)) {
        journal.commit(s.getLong(base + VALUE) + count, s.getLong(base + PENDING) + count,
            i, 0, 0);
        s.getAndAddLong(base + RECOVERED, count);
        total += count;
      }
    }
    return total;
  }

  /** The caller's slot, claiming one if needed (under the guard). */
  private int mySlot() {
    int hint = slotHint;
    if (hint >= 0 && slotOwner(hint) == Holders.self()) {
      return hint;
    }
    int slot = findSlot();
    if (slot < 0 && recoverDeadLocked() > 0) {
      slot = findSlot();
    }
    if (slot < 0) {
      throw new IllegalStateException(sync + ": " + SLOTS + " processes already hold permits,"
          + " the most supported at the same time; " + Holders.describe(Holders.self())
          + " cannot take one (a semaphore made withoutRecovery has no such limit)");
    }
    slotHint = slot;
    return slot;
  }

  private int findSlot() {
    int free = -1;
    int high = high();
    for (int i = 0; i < high; i++) {
      if (slotOwner(i) == Holders.self()) {
        return i;
      }
      if (free < 0 && slotCount(i) == 0) {
        free = i;
      }
    }
    if (free < 0 && high < SLOTS) {
      s.setInt(base + HIGH, high + 1);
      free = high;
    }
    return free;
  }

  private int high() {
    return s.getInt(base + HIGH);
  }

  /** The slot a release takes a permit from: the caller's, else any holder's, else -1. */
  private int heldSlot() {
    int hint = slotHint;
    if (hint >= 0 && slotOwner(hint) == Holders.self() && slotCount(hint) > 0) {
      return hint;
    }
    int other = -1;
    for (int i = 0, n = high(); i < n; i++) {
      if (slotCount(i) > 0) {
        if (slotOwner(i) == Holders.self()) {
          return i;
        }
        other = other < 0 ? i : other;
      }
    }
    return other;
  }

  private long slotOwner(int slot) {
    return s.getLong(base + SLOT_BASE + slot * 16);
  }

  private long slotCount(int slot) {
    return s.getLong(base + SLOT_BASE + slot * 16 + 8);
  }

  /** Permits kept by processes that exited normally while holding them. */
  public long keptPermits() {
    return s.getLong(base + KEPT);
  }

  /**
   * Moves the permits this process holds to the kept count: they stay taken (see Overview).
   *
   * @return a sentence for the exit warning, or null if this process held none
   */
  @Override
  public String keepIfHeld() {
    if (sync.isClosed() || !isTracked() || heldByThisProcess() == 0) {
      return null;
    }
    long count = 0;
    lockGuard();
    try {
      for (int i = 0, n = high(); i < n; i++) {
        if (slotOwner(i) == Holders.self() && slotCount(i) > 0) {
          count = slotCount(i);
          journal.commit(s.getLong(base + VALUE), s.getLong(base + PENDING), i, 0, 0);
          s.getAndAddLong(base + KEPT, count);
        }
      }
    } finally {
      guard.releaseGuard();
    }
    return count == 0 ? null : count + (count == 1 ? " permit" : " permits") + " of " + sync
        + ": " + (count == 1 ? "it stays" : "they stay") + " taken";
  }

  @Override
  public boolean isClosed() {
    return sync.isClosed();
  }

  /** Wakes every parked waiter (after the primitive was closed). */
  public void wakeAll() {
    Blocking.wakeAll(s, base + SEQ);
    guard.wakeAll();
  }
}
