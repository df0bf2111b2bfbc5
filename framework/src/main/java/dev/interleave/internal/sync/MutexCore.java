package dev.interleave.internal.sync;

import dev.interleave.internal.shm.Segment;

/**
 * A robust mutex in shared memory: the algorithm of {@code Lock} and {@code RLock}, and the
 * short-held guard of the semaphore and barrier state.
 *
 * <pre>
 *   +0  owner      long  0 when free; else the owning process's holder code, with bit 63 set
 *                        if the hold was taken over from a dead owner; CLOSED once closed
 *   +8  thread     long  owning thread's id (decides ownership for a recursive mutex)
 *   +16 count      int   recursion count (recursive mutex only)
 *   +20 waiters    int   threads parked on seq
 *   +24 seq        int   futex word, bumped on release
 *   +32 recoveries long  how many holds were taken over from dead owners
 * </pre>
 */
/* Overview
 *
 * Acquire is one compare-and-set of owner from 0 to this process's code; release is one
 * exchange of owner with 0 (which also detects a release of a free mutex), then a signal to a
 * parked waiter if any (see Blocking). Waiters test before they CAS, spin briefly, then park.
 * Only the owner writes thread and count, after its CAS and before its release, so they are
 * consistent for as long as the hold lasts; release stores suffice for them because the CAS and
 * the exchange are full fences.
 *
 * Robustness: a waiter that is about to park (and each time a park slice ends) reads owner and,
 * if that process has exited, CASes owner from the dead code to its own code with bit 63 set.
 * The CAS makes the take-over exclusive; it cannot succeed against a live owner because a live
 * owner's word is only replaced by its own release (or, for a non-recursive Lock, by another
 * process's release, which stores 0). Bit 63 is what previousOwnerDied() reports; it goes away
 * with the hold.
 *
 * Closing stores CLOSED (bit 63 alone, never a real owner) into owner, so the fast paths need
 * no separate check: an acquire's CAS fails and its slow path finds the segment closed, and a
 * release's exchange returns CLOSED and restores it.
 *
 * A thread of a recursive mutex owns it when owner is this process and thread is its id: the
 * owner writes thread after its CAS and clears it before its release, so another thread of the
 * same process never reads its own id there unless it holds the mutex.
 */
public final class MutexCore {
  static final int SIZE = 64;
  private static final int OWNER = 0;
  private static final int THREAD = 8;
  private static final int COUNT = 16;
  private static final int WAITERS = 20;
  private static final int SEQ = 24;
  private static final int RECOVERIES = 32;
  private static final long DIED = Long.MIN_VALUE;
  private static final long CLOSED = Long.MIN_VALUE;

  private final SyncSegment sync;
  private final Segment s;
  private final int base;
  private final boolean recursive;
  private final WaitWords words;

  MutexCore(SyncSegment sync, int base, boolean recursive) {
    this.sync = sync;
    this.s = sync.segment();
    this.base = base;
    this.recursive = recursive;
    this.words = new WaitWords(base + SEQ, base + WAITERS, true);
  }

  /** The mutex of a {@link SyncKind#LOCK} or {@link SyncKind#RLOCK} segment. */
  public static MutexCore of(SyncSegment sync) {
    return new MutexCore(sync, SyncSegment.BODY, sync.kind() == SyncKind.RLOCK);
  }

  /** Tries once without blocking and without looking for a dead owner. */
  public boolean tryAcquire() {
    if (s.casLong(base + OWNER, 0, Holders.self())) {
      onAcquired();
      return true;
    }
    return recursive && reenter();
  }

  private boolean reenter() {
    if (isHeldByCurrentThread()) {
      s.setIntRelease(base + COUNT, s.getInt(base + COUNT) + 1);
      return true;
    }
    return false;
  }

  /** Tries once, taking the mutex over if its owner has died. */
  public boolean tryAcquireOrRecover() {
    return tryAcquire() || tryRecover();
  }

  private boolean tryRecover() {
    long owner = s.getLong(base + OWNER);
    long code = owner & ~DIED;
    if (code == 0 || code == Holders.self() || !Holders.isDead(code)) {
      return false;
    }
    if (!s.casLong(base + OWNER, owner, Holders.self() | DIED)) {
      return false;
    }
    s.getAndAddLong(base + RECOVERIES, 1);
    onAcquired();
    return true;
  }

  private void onAcquired() {
    s.setLongRelease(base + THREAD, Holders.threadId());
    if (recursive) {
      s.setIntRelease(base + COUNT, 1);
    }
  }

  /**
   * Acquires, waiting at most {@code timeoutNanos} ({@link Timeouts#FOREVER} for no limit).
   *
   * @return whether it was acquired
   */
  public boolean acquire(long timeoutNanos) throws InterruptedException {
    return tryAcquire() || Blocking.await(sync, words, this::attempt, timeoutNanos, true);
  }

  private boolean attempt(boolean thorough) {
    if (thorough) {
      return tryAcquireOrRecover();
    }
    return s.getLong(base + OWNER) == 0 && tryAcquire();
  }

  /** Acquires without timeout; an interrupt does not end the wait but is kept. */
  public void acquireUninterruptibly() {
    if (tryAcquire()) {
      return;
    }
    try {
      Blocking.await(sync, words, this::attempt, Timeouts.FOREVER, false);
    } catch (InterruptedException e) {
      throw new AssertionError("uninterruptible wait was interrupted", e);
    }
  }

  /**
   * Acquires a guard: without timeout, not interruptible (the interrupt status is kept).
   *
   * @return true if the guard was taken over from a dead process (the state it guards may be
   *     half updated)
   */
  boolean acquireGuard() {
    acquireUninterruptibly();
    return s.getLong(base + OWNER) < 0;
  }

  /** Releases a guard held by this thread. */
  void releaseGuard() {
    s.setLong(base + OWNER, 0);
    Blocking.signal(s, base + SEQ, base + WAITERS, 1);
  }

  /**
   * Releases one hold.
   *
   * @throws IllegalStateException for a non-recursive mutex that is not locked, or when closed
   * @throws IllegalMonitorStateException for a recursive mutex the calling thread does not own
   */
  public void release() {
    if (recursive) {
      releaseRecursive();
      return;
    }
    s.setLongRelease(base + THREAD, 0);
    long owner = s.getAndSetLong(base + OWNER, 0);
    if (owner == 0 || owner == CLOSED) {
      if (owner == CLOSED) {
        s.setLong(base + OWNER, CLOSED);
        sync.checkOpen();
      }
      throw new IllegalStateException(sync + " released while not locked, by "
          + Holders.describe(Holders.self()));
    }
    Blocking.signal(s, base + SEQ, base + WAITERS, 1);
  }

  private void releaseRecursive() {
    checkOwnedByCurrentThread("release");
    int count = s.getInt(base + COUNT) - 1;
    s.setIntRelease(base + COUNT, count);
    if (count == 0) {
      s.setLongRelease(base + THREAD, 0);
      s.setLong(base + OWNER, 0);
      Blocking.signal(s, base + SEQ, base + WAITERS, 1);
    }
  }

  /** Releases every recursion level at once (for a condition wait); returns how many. */
  public int releaseFully() {
    if (!recursive) {
      release();
      return 1;
    }
    checkOwnedByCurrentThread("release");
    int count = s.getInt(base + COUNT);
    s.setInt(base + COUNT, 1);
    releaseRecursive();
    return count;
  }

  /** Restores the recursion count after a re-acquire (the inverse of {@link #releaseFully}). */
  public void restoreCount(int count) {
    if (recursive) {
      s.setInt(base + COUNT, count);
    }
  }

  /**
   * Throws {@link IllegalMonitorStateException} unless the calling thread owns the mutex
   * ({@link IllegalStateException} if it was closed).
   */
  public void checkOwnedByCurrentThread(String operation) {
    if (!isHeldByCurrentThread()) {
      sync.checkOpen();
      throw new IllegalMonitorStateException(sync + ": cannot " + operation + " from thread \""
          + Thread.currentThread().getName() + "\" of " + Holders.describe(Holders.self())
          + ", which does not hold it (held by " + holderDescription() + ")");
    }
  }

  /** Whether the calling thread of this process holds the mutex. */
  public boolean isHeldByCurrentThread() {
    long owner = s.getLong(base + OWNER);
    return owner != CLOSED && (owner & ~DIED) == Holders.self()
        && s.getLong(base + THREAD) == Holders.threadId();
  }

  public boolean isLocked() {
    long owner = s.getLong(base + OWNER);
    return owner != 0 && owner != CLOSED;
  }

  /** The recursion count of a recursive mutex held by the calling thread, else 0. */
  public int holdCount() {
    return isHeldByCurrentThread() ? (recursive ? s.getInt(base + COUNT) : 1) : 0;
  }

  /** Whether the current hold was taken over from a dead owner (false when free). */
  public boolean ownerDied() {
    long owner = s.getLong(base + OWNER);
    return owner < 0 && owner != CLOSED;
  }

  /** How many holds were taken over from dead owners, over the mutex's life. */
  public long recoveries() {
    return s.getLong(base + RECOVERIES);
  }

  /** Who holds it, for messages and wait-for graphs: "pid 1234" or "nobody". */
  public String holderDescription() {
    long owner = s.getLong(base + OWNER);
    return owner == CLOSED ? "nobody (closed)" : Holders.describe(owner & ~DIED);
  }

  /** After the segment was closed: poisons the owner word and wakes every parked waiter. */
  public void wakeAll() {
    s.setLong(base + OWNER, CLOSED);
    Blocking.wakeAll(s, base + SEQ);
  }
}
