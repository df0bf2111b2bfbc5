package dev.interleave.internal.sync;

import dev.interleave.internal.shm.Segment;

/**
 * A cyclic barrier in shared memory, with the semantics of Python's {@code threading.Barrier}.
 *
 * <pre>
 *   +0   guard    MutexCore (64 bytes), held while the words below change
 *   +64  gen      long  generation number
 *   +72  arrived  int   parties arrived in this generation
 *   +76  broken   int   1 when broken (until reset)
 *   +80  tripping int   1 while the last arrival runs the action
 *   +84  parties  int
 *   +88  timeout  long  default timeout in ns, or -1
 *   +96  tripper  long  holder code of the process running the action
 *   +104 waiters  int,  +108 seq int (futex word)
 *   +128 outcomes {@value #HISTORY} x long: (gen << 1) | brokenBit of past generations
 * </pre>
 */
/* Overview
 *
 * Arrivals take the guard, read gen, take the next index and leave; the last arrival sets
 * tripping, runs the action without the guard, then (if nothing broke the barrier meanwhile)
 * records "gen tripped" in outcomes, clears arrived and advances gen. Waiters park until gen
 * moves or broken is set. A waiter of generation g that sees gen != g reads the outcome of g:
 * tripped (return its index) or reset (broken for it). abort() sets broken (sticky until
 * reset); reset() records g as broken and starts generation g + 1. New arrivals wait while the
 * action runs. A timeout or an interrupt breaks the barrier, as does an action that throws.
 *
 * Robustness: if the process running the action dies, waiters notice and break the barrier;
 * if a process dies holding the guard, the next guard holder marks the barrier broken (its
 * words may be half updated). A party that dies while waiting is not detected: the others wait
 * for their timeout (as in Python).
 *
 * outcomes keeps the last HISTORY generations; a waiter that slept through more than that many
 * generations (possible only with more threads than parties) assumes its generation tripped.
 */
public final class BarrierCore {
  /** Result of {@link #await} when the barrier is broken for the caller. */
  public static final int BROKEN = -1;
  static final int HISTORY = 64;
  static final int SIZE = 128 + HISTORY * 8;
  private static final int GEN = 64;
  private static final int ARRIVED = 72;
  private static final int BROKEN_AT = 76;
  private static final int TRIPPING = 80;
  private static final int PARTIES = 84;
  private static final int TIMEOUT = 88;
  private static final int TRIPPER = 96;
  private static final int WAITERS = 104;
  private static final int SEQ = 108;
  private static final int OUTCOMES = 128;

  private final SyncSegment sync;
  private final Segment s;
  private final int base = SyncSegment.BODY;
  private final MutexCore guard;
  private final WaitWords words = new WaitWords(base + SEQ, base + WAITERS, false);

  private BarrierCore(SyncSegment sync) {
    this.sync = sync;
    this.s = sync.segment();
    this.guard = new MutexCore(sync, base, false);
  }

  public static BarrierCore create(SyncSegment sync, int parties, long timeoutNanos) {
    BarrierCore core = new BarrierCore(sync);
    core.s.setInt(core.base + PARTIES, parties);
    core.s.setLong(core.base + TIMEOUT, timeoutNanos);
    return core;
  }

  public static BarrierCore attach(SyncSegment sync) {
    return new BarrierCore(sync);
  }

  public int parties() {
    return s.getInt(base + PARTIES);
  }

  /** The default timeout in nanoseconds, or {@link Timeouts#FOREVER}. */
  public long defaultTimeoutNanos() {
    return s.getLong(base + TIMEOUT);
  }

  public boolean isBroken() {
    return s.getInt(base + BROKEN_AT) != 0;
  }

  /** Parties waiting in the current generation (0 while broken or tripping). */
  public int waiting() {
    return s.getInt(base + BROKEN_AT) != 0 || s.getInt(base + TRIPPING) != 0
        ? 0 : s.getInt(base + ARRIVED);
  }

  /**
   * Arrives and waits for the other parties; the last to arrive runs {@code action} (may be
   * null) before the others are released.
   *
   * @param external how to wait instead of blocking (under a controlling scheduler), or null
   * @return the arrival index (0 for the first), or {@link #BROKEN}
   * @throws InterruptedException if interrupted while waiting (the barrier is then broken)
   */
  public int await(long timeoutNanos, Runnable action, ExternalWait external)
      throws InterruptedException {
    long deadline = Timeouts.deadline(System.nanoTime(), timeoutNanos);
    while (true) {
      lockGuard();
      long gen = s.getLong(base + GEN);
      if (s.getInt(base + BROKEN_AT) != 0) {
        guard.releaseGuard();
        return BROKEN;
      }
      if (s.getInt(base + TRIPPING) != 0) {
        guard.releaseGuard();
        if (!awaitTripDone(gen, deadline, external)) {
          return BROKEN;
        }
        continue;
      }
      int index = s.getInt(base + ARRIVED);
      s.setInt(base + ARRIVED, index + 1);
      if (index + 1 < parties()) {
        guard.releaseGuard();
        return awaitGeneration(gen, index, deadline, external);
      }
      s.setLong(base + TRIPPER, Holders.self());
      s.setInt(base + TRIPPING, 1);
      guard.releaseGuard();
      return trip(gen, index, action);
    }
  }

  /** A new arrival waits while the previous generation's action runs. */
  private boolean awaitTripDone(long gen, long deadline, ExternalWait external)
      throws InterruptedException {
    boolean done = wait(thorough -> tripDone(gen, thorough), deadline, external);
    if (!done) {
      breakIfGeneration(gen);
    }
    return done;
  }

  private boolean tripDone(long gen, boolean thorough) {
    if (s.getLong(base + GEN) != gen || s.getInt(base + BROKEN_AT) != 0
        || s.getInt(base + TRIPPING) == 0) {
      return true;
    }
    if (thorough && Holders.isDead(s.getLong(base + TRIPPER))) {
      breakIfGeneration(gen);
      return true;
    }
    return false;
  }

  private boolean generationEnded(long gen, boolean thorough) {
    if (s.getLong(base + GEN) != gen || s.getInt(base + BROKEN_AT) != 0) {
      return true;
    }
    if (thorough && s.getInt(base + TRIPPING) != 0
        && Holders.isDead(s.getLong(base + TRIPPER))) {
      breakIfGeneration(gen);
      return true;
    }
    return false;
  }

  private int trip(long gen, int index, Runnable action) {
    try {
      if (action != null) {
        action.run();
      }
    } catch (RuntimeException | Error e) {
      breakIfGeneration(gen);
      throw e;
    }
    lockGuard();
    boolean tripped = s.getLong(base + GEN) == gen && s.getInt(base + TRIPPING) != 0
        && s.getInt(base + BROKEN_AT) == 0;
    if (tripped) {
      s.setLong(outcomeAt(gen), gen << 1);
      s.setInt(base + ARRIVED, 0);
      s.setInt(base + TRIPPING, 0);
      s.setLong(base + GEN, gen + 1);
    }
    guard.releaseGuard();
    wakeWaiters();
    return tripped ? index : BROKEN;
  }

  private int awaitGeneration(long gen, int index, long deadline, ExternalWait external)
      throws InterruptedException {
    boolean ended;
    try {
      ended = wait(thorough -> generationEnded(gen, thorough), deadline, external);
    } catch (InterruptedException e) {
      if (breakIfGeneration(gen)) {
        throw e;
      }
      Thread.currentThread().interrupt();
      return outcome(gen, index);
    }
    if (!ended) {
      breakIfGeneration(gen);
    }
    return outcome(gen, index);
  }

  private boolean wait(Blocking.Attempt until, long deadline, ExternalWait external)
      throws InterruptedException {
    if (external != null) {
      return external.await(() -> until.tryOnce(true), Timeouts.left(deadline));
    }
    return Blocking.await(sync, words, until, Timeouts.left(deadline), true);
  }

  /** The caller's result once generation {@code gen} ended or broke. */
  private int outcome(long gen, int index) {
    if (s.getLong(base + GEN) == gen) {
      return BROKEN;
    }
    long entry = s.getLong(outcomeAt(gen));
    return entry == ((gen << 1) | 1) ? BROKEN : index;
  }

  /** Breaks the barrier if generation {@code gen} is still current; returns whether it was. */
  private boolean breakIfGeneration(long gen) {
    lockGuard();
    boolean current = s.getLong(base + GEN) == gen;
    if (current) {
      s.setInt(base + BROKEN_AT, 1);
      s.setInt(base + TRIPPING, 0);
    }
    guard.releaseGuard();
    wakeWaiters();
    return current;
  }

  /** Puts the barrier into the broken state; waiting and future calls fail until reset. */
  public void abort() {
    lockGuard();
    s.setInt(base + BROKEN_AT, 1);
    s.setInt(base + TRIPPING, 0);
    guard.releaseGuard();
    wakeWaiters();
  }

  /** Returns the barrier to its initial state; current waiters see it broken. */
  public void reset() {
    lockGuard();
    long gen = s.getLong(base + GEN);
    s.setLong(outcomeAt(gen), (gen << 1) | 1);
    s.setInt(base + ARRIVED, 0);
    s.setInt(base + TRIPPING, 0);
    s.setInt(base + BROKEN_AT, 0);
    s.setLong(base + GEN, gen + 1);
    guard.releaseGuard();
    wakeWaiters();
  }

  /** Takes the guard; if its holder died mid-update, the barrier is broken. */
  private void lockGuard() {
    if (guard.acquireGuard()) {
      s.setInt(base + BROKEN_AT, 1);
      s.setInt(base + TRIPPING, 0);
    }
  }

  private void wakeWaiters() {
    Blocking.signal(s, base + SEQ, base + WAITERS, Integer.MAX_VALUE);
  }

  private int outcomeAt(long gen) {
    return base + OUTCOMES + (int) (gen % HISTORY) * 8;
  }

  /** Wakes every parked waiter (after the primitive was closed). */
  public void wakeAll() {
    Blocking.wakeAll(s, base + SEQ);
    guard.wakeAll();
  }
}
