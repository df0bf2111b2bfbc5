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
 *   +40 threadProc long  holder code of the process whose thread wrote thread (0 when free)
 *   +48 keptBy     long  holder code of the process that exited holding it (owner is KEPT)
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
 * A thread of a recursive mutex owns it when owner is this process, threadProc is this process
 * and thread is its id. The owner writes thread, then threadProc, after its CAS, and clears
 * threadProc, then thread, before its release; a reader reads owner, threadProc, then thread. So
 * a thread that reads threadProc == this process reads the thread id its owner wrote, never a
 * dead owner's (thread ids repeat across JVMs): after a take-over, threadProc still names the
 * dead process (or 0) until the new owner's thread id is in place.
 *
 * Exits: a process that exits normally (or a harness task that ends) while holding the mutex
 * keeps it taken, as CPython does: HeldAtExit stores its code in keptBy and CASes owner to KEPT
 * (never a real owner, never recovered). A Lock so kept may still be released by any process;
 * an RLock stays locked for good. Only an owner that died without exiting (a signal, a crash) is
 * recovered.
 */
public final class MutexCore implements HeldAtExit.Keepable {
  static final int SIZE = 64;
  private static final int OWNER = 0;
  private static final int THREAD = 8;
  private static final int COUNT = 16;
  private static final int WAITERS = 20;
  private static final int SEQ = 24;
  private static final int RECOVERIES = 32;
  private static final int THREAD_PROC = 40;
  private static final int KEPT_BY = 48;
  private static final long DIED = Long.MIN_VALUE;
  private static final long CLOSED = Long.MIN_VALUE;
  /** The owner word of a mutex whose holder exited normally while holding it. */
  private static final long KEPT = Long.MIN_VALUE + 1;

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

  /**
   * The mutex of a {@link SyncKind#LOCK} or {@link SyncKind#RLOCK} segment; it is kept taken if
   * this process exits holding it (see {@link HeldAtExit}).
   */
  public static MutexCore of(SyncSegment sync) {
    MutexCore core = new MutexCore(sync, SyncSegment.BODY, sync.kind() == SyncKind.RLOCK);
    HeldAtExit.track(core);
    return core;
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
    if (owner == KEPT || code == 0 || code == Holders.self() || !Holders.isDead(code)) {
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
    s.setLongRelease(base + THREAD_PROC, Holders.self());
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
    clearThread();
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
    clearThread();
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
      clearThread();
      s.setLong(base + OWNER, 0);
      Blocking.signal(s, base + SEQ, base + WAITERS, 1);
    }
  }

  private void clearThread() {
    s.setLongRelease(base + THREAD_PROC, 0);
    s.setLongRelease(base + THREAD, 0);
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
        && s.getLong(base + THREAD_PROC) == Holders.self()
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
    return owner < 0 && owner != CLOSED && owner != KEPT;
  }

  /** Whether its holder exited normally while holding it, so that it stays taken. */
  public boolean isKept() {
    return s.getLong(base + OWNER) == KEPT;
  }

  /** How many holds were taken over from dead owners, over the mutex's life. */
  public long recoveries() {
    return s.getLong(base + RECOVERIES);
  }

  /** Who holds it, for messages and wait-for graphs: "pid 1234" or "nobody". */
  public String holderDescription() {
    long owner = s.getLong(base + OWNER);
    if (owner == KEPT) {
      return Holders.describe(s.getLong(base + KEPT_BY)) + " (exited holding it)";
    }
    return owner == CLOSED ? "nobody (closed)" : Holders.describe(owner & ~DIED);
  }

  /**
   * If this process holds the mutex, marks it kept by a process that exited (see Overview).
   *
   * @return a sentence for the exit warning, or null if this process did not hold it
   */
  @Override
  public String keepIfHeld() {
    long owner = s.getLong(base + OWNER);
    if (owner == CLOSED || owner == KEPT || owner == 0 || (owner & ~DIED) != Holders.self()) {
      return null;
    }
    s.setLong(base + KEPT_BY, Holders.self());
    clearThread();
    if (!s.casLong(base + OWNER, owner, KEPT)) {
      return null; // released by another process meanwhile (a Lock)
    }
    return sync + (recursive
        ? ": it stays locked (no other process can release an RLock)"
        : ": it stays locked until another process releases it");
  }

  @Override
  public boolean isClosed() {
    return sync.isClosed();
  }

  /** After the segment was closed: poisons the owner word and wakes every parked waiter. */
  public void wakeAll() {
    s.setLong(base + OWNER, CLOSED);
    Blocking.wakeAll(s, base + SEQ);
  }
}
