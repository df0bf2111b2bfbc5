package dev.interleave.internal.sync;

import dev.interleave.internal.shm.Parker;
import dev.interleave.internal.shm.Segment;

/**
 * The waiting engine shared by the primitives: spin briefly, then park on a futex word in
 * bounded slices.
 *
 * <p>Each waitable condition has two words: a {@code seq} (the futex word, bumped by every
 * signal) and a {@code waiters} count of parked threads, so that a signal costs no system call
 * while nobody is parked. A waiter reads {@code seq}, registers in {@code waiters}, re-tries,
 * then parks while {@code seq} is unchanged; a signaller changes the state, then reads {@code
 * waiters} and, if non-zero, bumps {@code seq} and wakes. Both sides' accesses are volatile
 * (sequentially consistent), so either the waiter's re-try sees the new state or the signaller
 * sees the waiter and its bump makes the park return.
 *
 * <p>Slices are at most {@value #SLICE_NANOS} ns: a Java interrupt does not end a futex wait, and
 * between slices the waiter checks interruption, closure and dead holders. A waiter that gives
 * up (timeout, interrupt) passes a possible wake-up on to another waiter.
 */
final class Blocking {
  /** Busy tries before yielding (system property {@code interleave.sync.spinTries}). */
  static final int SPIN_TRIES = Integer.getInteger("interleave.sync.spinTries", 16);
  /**
   * The longest a waiter keeps trying, yielding the CPU between tries, before it parks (system
   * property {@code interleave.sync.yieldNanos}); the actual limit adapts per condition, see
   * {@link WaitWords}.
   */
  static final long MAX_SPIN_NANOS = Long.getLong("interleave.sync.yieldNanos", 50_000L);
  static final long SLICE_NANOS = Long.getLong("interleave.sync.sliceNanos", 50_000_000L);
  /**
   * How often a parked waiter makes a thorough try, looking for dead holders (system property
   * {@code interleave.sync.checkNanos}).
   */
  static final long CHECK_NANOS = Long.getLong("interleave.sync.checkNanos", 10_000_000L);
  /**
   * Whether a signaller that woke a parked waiter then yields its CPU once (system property
   * {@code interleave.sync.yieldAfterWake}, default true). Without it, the process that released
   * a lock or permit usually takes it again before the woken waiter is scheduled, and the
   * waiter parks again for nothing: in {@code SyncBench}'s {@code semaphore_capacity3} (ten
   * processes, three permits) 86 % of wake-ups were futile, against 24 % with the yield, and
   * the children used 15–30 % less CPU per operation. A yield costs a system call when nobody
   * else is runnable; two-process ping-pong showed no difference beyond its noise.
   */
  static final boolean YIELD_AFTER_WAKE =
      !"false".equals(System.getProperty("interleave.sync.yieldAfterWake"));

  /** The parker, loaded on first park or wake: a process that never blocks never loads JNA. */
  private static final class Native {
    static final Parker PARKER = Parker.system();
  }

  /** One try at the operation a thread waits for. */
  @FunctionalInterface
  interface Attempt {
    /**
     * Tries once; {@code thorough} tries are made before each park and may also look for dead
     * holders (slower), spin tries must be cheap.
     */
    boolean tryOnce(boolean thorough);
  }

  private Blocking() {}

  /**
   * Waits until {@code attempt} succeeds or {@code timeoutNanos} elapse ({@link Timeouts#FOREVER}
   * for no limit).
   *
   * @return whether the attempt succeeded
   * @throws InterruptedException if interrupted while waiting (only if {@code interruptible})
   */
  static boolean await(SyncSegment sync, WaitWords words, Attempt attempt, long timeoutNanos,
      boolean interruptible) throws InterruptedException {
    if (attempt.tryOnce(false)) {
      return true;
    }
    if (timeoutNanos == 0) {
      return attempt.tryOnce(true);
    }
    long start = System.nanoTime();
    long deadline = Timeouts.deadline(start, timeoutNanos);
    if (spin(attempt, start, words.spinNanos(), deadline, interruptible)) {
      words.waited(true);
      return true;
    }
    if (!interruptible) {
      return parkUninterruptibly(sync, words, attempt, deadline);
    }
    try {
      return parkUntil(sync, words, attempt, deadline);
    } catch (InterruptedException e) {
      passOn(sync, words);
      throw e;
    }
  }

  /** Parks in slices until the attempt succeeds (true) or the deadline passes (false). */
  private static boolean parkUntil(SyncSegment sync, WaitWords words, Attempt attempt,
      long deadline) throws InterruptedException {
    long nextCheck = System.nanoTime() + CHECK_NANOS;
    while (true) {
      long now = System.nanoTime();
      boolean thorough = now - nextCheck >= 0;
      if (thorough) {
        nextCheck = now + CHECK_NANOS;
      }
      if (park(sync, words, attempt, thorough, deadline)) {
        words.waited(false);
        return true;
      }
      if (expired(deadline, System.nanoTime())) {
        passOn(sync, words);
        return false;
      }
    }
  }

  /** {@link #parkUntil}, going on after interrupts and restoring the interrupt status. */
  private static boolean parkUninterruptibly(SyncSegment sync, WaitWords words, Attempt attempt,
      long deadline) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return parkUntil(sync, words, attempt, deadline);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Spins: a few busy tries (a holder on another CPU is about to release), then tries with
   * {@link Thread#yield()} between them (a holder or signaller that shares this CPU gets to run),
   * until {@code spinNanos} after {@code start}.
   */
  private static boolean spin(Attempt attempt, long start, long spinNanos, long deadline,
      boolean interruptible) throws InterruptedException {
    for (int i = 0; i < SPIN_TRIES; i++) {
      Thread.onSpinWait();
      if (attempt.tryOnce(false)) {
        return true;
      }
    }
    while (true) {
      long now = System.nanoTime();
      if (now - start >= spinNanos || expired(deadline, now)) {
        return false;
      }
      if (interruptible && Thread.interrupted()) {
        throw new InterruptedException();
      }
      Thread.yield();
      if (attempt.tryOnce(false)) {
        return true;
      }
    }
  }

  /**
   * One registered park of at most a slice; true if the attempt succeeded. The try before it is
   * thorough (looks for dead holders) once the wait has lasted {@link #CHECK_NANOS}, and then
   * every {@link #CHECK_NANOS}: a dead holder makes a wait long, and short waits, the common
   * case under contention, skip the liveness checks.
   */
  private static boolean park(SyncSegment sync, WaitWords words, Attempt attempt,
      boolean thorough, long deadline) throws InterruptedException {
    sync.checkOpen();
    Segment s = sync.segment();
    int seq = s.getInt(words.seqAt());
    s.getAndAddInt(words.waitersAt(), 1);
    try {
      if (attempt.tryOnce(thorough)) {
        return true;
      }
      long left = deadline == Long.MAX_VALUE ? SLICE_NANOS : deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      WaitStats.PARKS.increment();
      Native.PARKER.await(s, words.seqAt(), seq, Math.min(left, SLICE_NANOS));
    } finally {
      s.getAndAddInt(words.waitersAt(), -1);
    }
    if (attempt.tryOnce(false)) {
      return true;
    }
    WaitStats.FUTILE.increment();
    return false;
  }

  private static void passOn(SyncSegment sync, WaitWords words) {
    if (words.passOn()) {
      signal(sync.segment(), words.seqAt(), words.waitersAt(), 1);
    }
  }

  /**
   * Waits, without registering a try, until the int at {@code wordAt} differs from {@code
   * expected} or the deadline passes; for per-waiter words (a condition's slots) that only their
   * own waiter parks on. Returns whether the word changed.
   */
  static boolean parkWhileEquals(SyncSegment sync, int wordAt, int expected, long deadline)
      throws InterruptedException {
    Segment s = sync.segment();
    if (spin(thorough -> s.getInt(wordAt) != expected, System.nanoTime(), MAX_SPIN_NANOS,
        deadline, true)) {
      return true;
    }
    while (s.getInt(wordAt) == expected) {
      long now = System.nanoTime();
      if (expired(deadline, now)) {
        return false;
      }
      sync.checkOpen();
      long left = deadline == Long.MAX_VALUE ? SLICE_NANOS : deadline - now;
      Native.PARKER.await(s, wordAt, expected, Math.min(left, SLICE_NANOS));
    }
    return true;
  }

  /** Wakes up to {@code n} threads parked on {@code seqAt}, if any are registered. */
  static void signal(Segment s, int seqAt, int waitersAt, int n) {
    if (s.getInt(waitersAt) > 0) {
      s.getAndAddInt(seqAt, 1);
      Native.PARKER.wake(s, seqAt, n);
      if (YIELD_AFTER_WAKE) {
        Thread.yield(); // see YIELD_AFTER_WAKE
      }
    }
  }

  /**
   * Wakes up to {@code n} threads parked on {@code wordAt}, if any are registered, without
   * bumping it: for a word that is itself the state and was just changed (an event).
   */
  static void wake(Segment s, int wordAt, int waitersAt, int n) {
    if (s.getInt(waitersAt) > 0) {
      Native.PARKER.wake(s, wordAt, n);
    }
  }

  /** Wakes every thread parked on {@code seqAt}, registered or not (used on close). */
  static void wakeAll(Segment s, int seqAt) {
    s.getAndAddInt(seqAt, 1);
    Native.PARKER.wake(s, seqAt, Integer.MAX_VALUE);
  }

  /** Wakes threads parked on a per-waiter word without changing it. */
  static void wakeWord(Segment s, int wordAt, int n) {
    Native.PARKER.wake(s, wordAt, n);
  }

  static boolean expired(long deadline, long now) {
    return deadline != Long.MAX_VALUE && deadline - now <= 0;
  }
}
