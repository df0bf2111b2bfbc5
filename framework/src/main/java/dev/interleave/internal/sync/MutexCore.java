package dev.interleave.internal.sync;

import dev.interleave.internal.shm.Segment;

/**
 * A robust mutex in shared memory: the algorithm of {@code Lock} and {@code RLock}, and the
 * short-held guard of the semaphore and barrier state.
 *
 * <pre>
 *   +0  owner      long  holder code of the owning process, 0 when free
 *   +8  thread     long  owning thread's id (decides ownership for a recursive mutex)
 *   +16 count      int   recursion count (recursive mutex only)
 *   +20 waiters    int   threads parked on seq
 *   +24 seq        int   futex word, bumped on release
 *   +28 died       int   1 if the current hold was taken over from a dead owner
 *   +32 recoveries long  how many holds were taken over from dead owners
 * </pre>
 */
/* Overview
 *
 * Acquire is one compare-and-set of owner from 0 to this process's code; release stores 0 and
 * signals a parked waiter if any (see Blocking). Waiters test before they CAS, spin briefly,
 * then park. Only the owner writes thread, count and died, after its CAS and before its
 * release, so they are consistent for as long as the hold lasts.
 *
 * Robustness: a waiter that is about to park (and each time a park slice ends) reads owner and,
 * if that process has exited, CASes owner from the dead code to its own. The CAS makes the
 * take-over exclusive; it cannot succeed against a live owner because a live owner's code is
 * never replaced by anyone but itself (or, for a non-recursive Lock, by a releasing process,
 * which stores 0). The new owner sets died = 1, which previousOwnerDied() reports.
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
  private static final int DIED = 28;
  private static final int RECOVERIES = 32;

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
    long owner = s.getLong(base + OWNER);
    if (owner == 0) {
      if (s.casLong(base + OWNER, 0, Holders.self())) {
        onAcquired(0);
        return true;
      }
      return false;
    }
    if (recursive && owner == Holders.self()
        && s.getLong(base + THREAD) == Holders.threadId()) {
      s.setInt(base + COUNT, s.getInt(base + COUNT) + 1);
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
    if (owner == 0 || owner == Holders.self() || !Holders.isDead(owner)) {
      return false;
    }
    if (!s.casLong(base + OWNER, owner, Holders.self())) {
      return false;
    }
    s.getAndAddLong(base + RECOVERIES, 1);
    onAcquired(1);
    return true;
  }

  private void onAcquired(int died) {
    s.setLong(base + THREAD, Holders.threadId());
    if (recursive) {
      s.setInt(base + COUNT, 1);
    }
    s.setInt(base + DIED, died);
  }

  /**
   * Acquires, waiting at most {@code timeoutNanos} ({@link Timeouts#FOREVER} for no limit).
   *
   * @return whether it was acquired
   */
  public boolean acquire(long timeoutNanos) throws InterruptedException {
    return Blocking.await(sync, words, this::attempt, timeoutNanos, true);
  }

  private boolean attempt(boolean thorough) {
    return thorough ? tryAcquireOrRecover() : tryAcquire();
  }

  /**
   * Acquires a guard: without timeout, not interruptible (the interrupt status is kept).
   *
   * @return true if the guard was taken over from a dead process (the state it guards may be
   *     half updated)
   */
  boolean acquireGuard() {
    acquireUninterruptibly();
    return s.getInt(base + DIED) != 0;
  }

  /** Acquires without timeout; an interrupt does not end the wait but is kept. */
  public void acquireUninterruptibly() {
    try {
      Blocking.await(sync, words, this::attempt, Timeouts.FOREVER, false);
    } catch (InterruptedException e) {
      throw new AssertionError("uninterruptible wait was interrupted", e);
    }
  }

  /** Releases a guard held by this thread. */
  void releaseGuard() {
    s.setLong(base + OWNER, 0);
    Blocking.signal(s, base + SEQ, base + WAITERS, 1);
  }

  /**
   * Releases one hold.
   *
   * @throws IllegalStateException for a non-recursive mutex that is not locked
   * @throws IllegalMonitorStateException for a recursive mutex the calling thread does not own
   */
  public void release() {
    if (recursive) {
      releaseRecursive();
      return;
    }
    while (true) {
      long owner = s.getLong(base + OWNER);
      if (owner == 0) {
        throw new IllegalStateException(sync + " released while not locked, by "
            + Holders.describe(Holders.self()));
      }
      s.setLong(base + THREAD, 0);
      if (s.casLong(base + OWNER, owner, 0)) {
        Blocking.signal(s, base + SEQ, base + WAITERS, 1);
        return;
      }
    }
  }

  private void releaseRecursive() {
    checkOwnedByCurrentThread("release");
    int count = s.getInt(base + COUNT) - 1;
    s.setInt(base + COUNT, count);
    if (count == 0) {
      s.setLong(base + THREAD, 0);
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

  /** Throws {@link IllegalMonitorStateException} unless the calling thread owns the mutex. */
  public void checkOwnedByCurrentThread(String operation) {
    if (!isHeldByCurrentThread()) {
      throw new IllegalMonitorStateException(sync + ": cannot " + operation + " from thread \""
          + Thread.currentThread().getName() + "\" of " + Holders.describe(Holders.self())
          + ", which does not hold it (held by " + holderDescription() + ")");
    }
  }

  /** Whether the calling thread of this process holds the mutex. */
  public boolean isHeldByCurrentThread() {
    return s.getLong(base + OWNER) == Holders.self()
        && s.getLong(base + THREAD) == Holders.threadId();
  }

  public boolean isLocked() {
    return s.getLong(base + OWNER) != 0;
  }

  /** The recursion count of a recursive mutex held by the calling thread, else 0. */
  public int holdCount() {
    return isHeldByCurrentThread() ? (recursive ? s.getInt(base + COUNT) : 1) : 0;
  }

  /** Whether the current hold was taken over from a dead owner (false when free). */
  public boolean ownerDied() {
    return s.getLong(base + OWNER) != 0 && s.getInt(base + DIED) != 0;
  }

  /** How many holds were taken over from dead owners, over the mutex's life. */
  public long recoveries() {
    return s.getLong(base + RECOVERIES);
  }

  /** Who holds it, for messages and wait-for graphs: "pid 1234" or "nobody". */
  public String holderDescription() {
    return Holders.describe(s.getLong(base + OWNER));
  }

  /** Wakes every parked waiter (after the primitive was closed). */
  public void wakeAll() {
    Blocking.wakeAll(s, base + SEQ);
  }
}
