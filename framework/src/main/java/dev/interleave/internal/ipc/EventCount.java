package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.Parker;
import dev.interleave.internal.shm.Segment;
import java.util.function.BooleanSupplier;

/**
 * A cross-process event count: waiters block on a sequence word that signallers bump.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                  Sequence (futex word)                        |
 * +---------------------------------------------------------------+
 * |                  Sleepers: 1 if a waiter may be parked         |
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>A waiter spins for a few microseconds (a peer on the other CPU usually answers sooner than
 * a futex wake-up would arrive), then yields for a while (on a busy machine the peer may need
 * this CPU); how long, each process learns per event from its past waits (four times the
 * typical wait when waits are short, a few microseconds when they are not). Then it sets the sleepers flag, re-reads its condition and parks on the sequence in
 * slices of at most {@link #SLICE_NANOS}. Between slices it re-checks interruption and runs the
 * caller's {@link SliceCheck} (peer liveness, say), because a Java interrupt does not end the
 * system call. A signaller that changed the condition clears the flag and, if it was set, bumps
 * the sequence and wakes everyone: a signal with nobody parked is one volatile read, and of many
 * signals while a waiter is being woken only the first makes a system call. Waiters that must
 * wait again set the flag again. The condition is re-read after setting the flag, and both sides
 * use sequentially consistent accesses, so a signal cannot fall between a waiter's check and its
 * park. A waiter killed while parked leaves the flag set only until the next signal.
 */
final class EventCount {
  static final int SIZE = 8;
  static final long SLICE_NANOS = 50_000_000L;
  /** Busy spinning (no yield) lasts at most this long. */
  private static final long SPIN_NANOS = Long.getLong("interleave.ipc.spinNanos", 20_000L);
  /** Spinning and yielding before a park last at most this long. */
  private static final long MAX_BUDGET_NANOS = Long.getLong("interleave.ipc.yieldNanos", 50_000L);
  private static final long MIN_BUDGET_NANOS = Math.min(MAX_BUDGET_NANOS,
      Long.getLong("interleave.ipc.minSpinNanos", 5_000L));
  /**
   * Waits up to this long show a peer running on another CPU, which spinning catches; longer
   * ones mean the peer had to be scheduled, and spinning for them only takes the CPU it needs.
   */
  private static final long SHORT_WAIT_NANOS = 10_000L;

  /** The parker, loaded on first park or wake: a process that never blocks never loads JNA. */
  private static final class Native {
    static final Parker PARKER = Parker.system();
  }

  /** Runs between slices: returns true, or throws, to end the wait (a dead peer, say). */
  @FunctionalInterface
  interface SliceCheck {
    boolean stop();

    SliceCheck NONE = () -> false;
  }

  private final Segment segment;
  private final int offset;
  private final long seq;
  private final long sleepers;
  /** How long this process spins before parking on this event; adapts to past waits. */
  private volatile long budget = MAX_BUDGET_NANOS / 4;

  EventCount(Segment segment, int offset) {
    this.segment = segment;
    this.offset = offset;
    this.seq = Mem.base(segment) + offset;
    this.sleepers = seq + 4;
  }

  /** Wakes every waiter, if one may be parked. */
  void signal() {
    if (Mem.getIntVolatile(sleepers) != 0 && Mem.casInt(sleepers, 1, 0)) {
      Mem.getAndAddInt(seq, 1);
      Native.PARKER.wake(segment, offset, Integer.MAX_VALUE);
    }
  }

  /**
   * Waits until {@code ready} holds or {@code deadline} passes.
   *
   * @return whether {@code ready} held
   */
  boolean await(BooleanSupplier ready, long deadline, SliceCheck check)
      throws InterruptedException {
    if (ready.getAsBoolean()) {
      return true;
    }
    long start = System.nanoTime();
    if (spin(ready, deadline, start)) {
      learn(System.nanoTime() - start);
      return true;
    }
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      long left = Deadlines.remaining(deadline);
      if (left == 0) {
        return ready.getAsBoolean();
      }
      if (park(ready, Math.min(left, SLICE_NANOS))) {
        learn(System.nanoTime() - start);
        return true;
      }
      if (check.stop()) {
        return ready.getAsBoolean();
      }
    }
  }

  /**
   * Adapts the spin budget to a wait that lasted {@code waited}: towards four times that (waits
   * vary) if it was short, towards the minimum otherwise. On a machine with more runnable
   * processes than CPUs, waits are long and spinning would only delay the peer: the budget
   * shrinks and waiters park, letting the kernel hand the CPU over.
   */
  private void learn(long waited) {
    long target = waited <= SHORT_WAIT_NANOS
        ? Math.min(MAX_BUDGET_NANOS, Math.max(4 * waited, MIN_BUDGET_NANOS)) : MIN_BUDGET_NANOS;
    budget = (7 * budget + target) / 8;
  }

  /** Busy-spins, then yields between tries (a peer sharing this CPU gets to run). */
  private boolean spin(BooleanSupplier ready, long deadline, long start) {
    long limit = budget;
    long busy = Math.min(limit, SPIN_NANOS);
    for (int i = 1; ; i++) {
      Thread.onSpinWait();
      if (ready.getAsBoolean()) {
        return true;
      }
      if ((i & 63) == 0 && (System.nanoTime() - start > busy || Deadlines.passed(deadline))) {
        break;
      }
    }
    while (System.nanoTime() - start < limit && !Deadlines.passed(deadline)) {
      Thread.yield();
      if (ready.getAsBoolean()) {
        return true;
      }
    }
    return false;
  }

  private boolean park(BooleanSupplier ready, long nanos) throws InterruptedException {
    Mem.putIntVolatile(sleepers, 1);
    int observed = Mem.getIntVolatile(seq);
    if (ready.getAsBoolean()) {
      return true;
    }
    Native.PARKER.await(segment, offset, observed, nanos);
    return ready.getAsBoolean();
  }
}
