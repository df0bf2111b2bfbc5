package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.sync.SemaphoreCore;
import dev.interleave.internal.sync.SyncKind;
import dev.interleave.internal.sync.SyncSegment;
import dev.interleave.internal.sync.Timeouts;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A counting semaphore shared by processes, as CPython's {@code multiprocessing.Semaphore}.
 *
 * <p>{@link #acquire()} takes a permit, waiting while there is none; {@link #release()} returns
 * one, from any thread of any process, and may raise the value above its initial value (use
 * {@link BoundedSemaphore} to forbid that). Pass it to children as a {@link Process} argument:
 * every copy is the same semaphore.
 *
 * <p><b>Blocking and wake-ups.</b> A thread that finds no permit spins (up to 50 us, yielding the
 * CPU between tries; less when waits usually outlast the spin), then sleeps in the kernel (a
 * futex on Linux) without using CPU. Each release wakes one sleeping waiter, in any process.
 *
 * <p><b>Fairness.</b> None: waiters are not ordered, and an arriving thread may take a permit
 * before a woken waiter.
 *
 * <p><b>Interruption and timeouts.</b> {@link #acquire()} and {@link #acquire(Duration)} throw
 * {@link InterruptedException} when the waiting thread is interrupted (noticed within 50 ms
 * while asleep); {@link #acquire(Duration)} gives up after its timeout.
 *
 * <p><b>Holders that exit or die.</b> Permits are attributed to the process that acquired them,
 * until it (or, when it holds none, another process) releases them. A process that <em>exits
 * normally</em> (its target returned or threw, or it called {@code System.exit}) while holding
 * permits keeps them, as in CPython: they stay taken, and a warning on stderr names the process
 * and the semaphore. If a process <em>dies</em> holding permits (killed by a signal, {@code
 * terminate()} and {@code kill()} included, or crashed), a thread that finds no permit notices
 * (within 50 ms) and returns them to the semaphore; the acquire that takes such a permit
 * reports it through {@link #previousOwnerDied()}. At most {@value
 * dev.interleave.internal.sync.SemaphoreCore#SLOTS} processes can hold permits at the same time;
 * one more fails with {@link IllegalStateException}.
 *
 * <p>A semaphore that counts items or signals rather than guarding a resource (a {@code
 * Semaphore(0)} released by a producer, acquired by a consumer) must never be refilled by a
 * death: make it with {@link #withoutRecovery(int)}. Its permits are attributed to nobody, so
 * none is ever returned but by a release, and any number of processes may hold them.
 *
 * <p><b>Memory consistency effects.</b> Writes to shared memory made by a process before it
 * releases a permit are visible to any thread of any process after an acquire that follows it.
 *
 * <p><b>Resources.</b> The shared-memory file is removed when the creating process exits or on
 * {@link #close()}; see {@link Lock}.
 */
/* Overview
 *
 * SemaphoreCore: the value and a table of per-process permit counts, changed together under a
 * short robust guard through a one-entry redo journal, so that a process killed at any
 * instruction leaves a state the next process can complete. See SemaphoreCore.
 */
@API(status = API.Status.EXPERIMENTAL)
public sealed class Semaphore implements Serializable permits BoundedSemaphore {
  private static final long serialVersionUID = 1L;

  private final transient SyncSegment sync;
  private final transient SemaphoreCore core;

  /** A semaphore with one permit (Python's default value). */
  public Semaphore() {
    this(1);
  }

  /**
   * A semaphore with {@code permits} permits.
   *
   * @throws IllegalArgumentException if {@code permits} is negative
   */
  public Semaphore(int permits) {
    this(permits, false, true);
  }

  /**
   * A semaphore, bounded by its initial value when {@code bounded}; its permits are attributed
   * to their holders (and recovered from dead ones) when {@code tracked}.
   */
  Semaphore(int permits, boolean bounded, boolean tracked) {
    Timeouts.atLeast("permits", 0, permits);
    this.sync = Failures.segment(
        () -> SyncSegment.create(SyncKind.SEMAPHORE, kindName(bounded)));
    this.core = SemaphoreCore.create(sync, permits, bounded ? permits : -1, tracked);
  }

  /**
   * A semaphore with {@code permits} permits that are never recovered: a permit held by a
   * process that dies, even by a signal, stays taken, exactly as in CPython. Use it for a
   * semaphore that counts items or signals. {@link #previousOwnerDied()} is always false and
   * any number of processes may hold permits at once.
   *
   * @throws IllegalArgumentException if {@code permits} is negative
   */
  public static Semaphore withoutRecovery(int permits) {
    return new Semaphore(permits, false, false);
  }

  /** Whether permits held by a process that dies are recovered (false for {@link #withoutRecovery}). */
  public boolean recoversPermits() {
    sync.checkOpen();
    return core.isTracked();
  }

  /** How many permits processes kept by exiting normally while holding them, over its life. */
  public long keptPermits() {
    sync.checkOpen();
    return core.keptPermits();
  }

  /** Attaches to an existing semaphore's segment. */
  Semaphore(SyncSegment sync) {
    this.sync = sync;
    this.core = SemaphoreCore.attach(sync);
  }

  /**
   * Takes a permit, waiting as long as it takes.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws IllegalStateException if the semaphore was {@linkplain #close() closed}
   */
  public void acquire() throws InterruptedException {
    Permits.acquire(sync, core, Timeouts.FOREVER);
  }

  /**
   * Takes a permit, waiting at most {@code timeout} (zero: do not wait).
   *
   * @return whether a permit was taken
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public boolean acquire(Duration timeout) throws InterruptedException {
    return Permits.acquire(sync, core, Timeouts.toNanos(timeout));
  }

  /** Takes a permit if one is available (or held by a dead process), without waiting. */
  public boolean tryAcquire() {
    return Permits.tryAcquire(sync, core);
  }

  /**
   * Returns a permit and wakes one waiter.
   *
   * @throws IllegalStateException for a {@link BoundedSemaphore} already at its initial value
   *     ("released too many times", naming the semaphore and this process)
   */
  public void release() {
    Permits.release(sync, core);
  }

  /**
   * Takes a permit and returns a hold whose {@link Held#close()} releases it.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Held hold() throws InterruptedException {
    acquire();
    return new Held(this::release);
  }

  /** The number of available permits (Python's {@code get_value()}). */
  public int value() {
    sync.checkOpen();
    Points.point(Op.QUERY, sync.id(), "value");
    return (int) Math.min(Integer.MAX_VALUE, core.value());
  }

  /**
   * Whether the permit taken by the calling thread's last successful acquire on this object had
   * been recovered from a process that died holding it.
   */
  public boolean previousOwnerDied() {
    sync.checkOpen();
    return core.lastAcquireRecovered();
  }

  /** How many permits were recovered from dead processes over the semaphore's life. */
  public long recoveredPermits() {
    sync.checkOpen();
    return core.recoveredPermits();
  }

  /**
   * Releases the semaphore's shared resources for every process; see {@link Lock#close()}.
   * Afterwards every operation throws {@link IllegalStateException}.
   */
  public void close() {
    Permits.close(sync, core);
  }

  /** Whether the semaphore was closed, by any process. */
  public boolean isClosed() {
    return sync.isClosed();
  }

  /** {@code Semaphore[<id>, value=2, held by pid 12 (1)]}. */
  @Override
  public String toString() {
    return Permits.describe(sync, core);
  }

  private static String kindName(boolean bounded) {
    return bounded ? "BoundedSemaphore" : "Semaphore";
  }

  /** Serialization replaces a semaphore by its serial form (package-private: subclasses too). */
  Object writeReplace() {
    sync.checkOpen();
    return new SerialForm(sync.id(), this instanceof BoundedSemaphore);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Semaphore is deserialized through its serial form");
  }

  /** What travels to a child: the segment name and the kind. */
  private record SerialForm(String segment, boolean bounded) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      SyncSegment sync = SyncSegment.attach(segment, SyncKind.SEMAPHORE, kindName(bounded));
      return bounded ? new BoundedSemaphore(sync) : new Semaphore(sync);
    }
  }
}
