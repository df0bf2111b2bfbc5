package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.sync.MutexCore;
import dev.interleave.internal.sync.SyncKind;
import dev.interleave.internal.sync.SyncSegment;
import dev.interleave.internal.sync.Timeouts;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A non-recursive lock shared by processes, as CPython's {@code multiprocessing.Lock}.
 *
 * <p>Create it in any process and pass it to children as a {@link Process} argument: every copy
 * is the same lock, whose state lives in a shared-memory file. Any thread of any process may
 * release it, not only the one that acquired it; releasing it while unlocked is an error.
 * Acquiring it again from the thread that holds it deadlocks, as in Python (use {@link RLock}).
 *
 * <pre>{@code
 * Lock lock = new Lock();
 * new Process((Lock l) -> { try (Held held = l.hold()) { work(); } }, lock).start();
 * }</pre>
 *
 * <p><b>Blocking and wake-ups.</b> A thread that finds the lock held spins (up to 50 us, yielding
 * the CPU between tries; less when waits on this lock usually outlast the spin), then sleeps in
 * the kernel (a futex on Linux) without using CPU. A release wakes one sleeping waiter, in this
 * or any other process.
 *
 * <p><b>Fairness.</b> None: a thread arriving while a woken waiter is on its way may take the
 * lock first. There is no ordering among waiters.
 *
 * <p><b>Interruption and timeouts.</b> {@link #acquire()} and {@link #acquire(Duration)} throw
 * {@link InterruptedException} when the waiting thread is interrupted (noticed within 50 ms
 * while asleep); {@link #acquire(Duration)} gives up after its timeout.
 *
 * <p><b>Holders that exit or die.</b> The holder is the process that acquired the lock. A
 * process that <em>exits normally</em> (its target returned or threw, or it called {@code
 * System.exit}) while holding the lock leaves it locked, as in CPython, with a warning on stderr
 * naming the process and the lock; any process may still release it. If the holder <em>dies</em>
 * (killed by a signal, {@code terminate()} and {@code kill()} included, or crashed), a waiter
 * notices (within 50 ms) and takes the lock over; {@link #previousOwnerDied()} then returns true
 * for that hold, as a robust mutex reports {@code EOWNERDEAD}: the data the lock protects may be
 * half updated.
 *
 * <p><b>Memory consistency effects.</b> Writes to shared memory (shared values, other
 * primitives) made by a process before it releases the lock are visible to any process, and
 * any thread, after it acquires the lock.
 *
 * <p><b>Resources.</b> The shared-memory file is removed when the process that created the lock
 * exits (or by {@link #close()}); processes that already use the lock keep using it, but it can
 * no longer be passed to a new process after that. Files left by a creator killed with {@code
 * kill -9} are removed by the next Interleave process that creates a primitive.
 */
/* Overview
 *
 * The lock is a MutexCore: one compare-and-set of the owner word to this process's holder code
 * (pid and start time) to acquire, a store of 0 to release. See MutexCore and Blocking.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Lock implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "Lock";

  private final transient SyncSegment sync;
  private final transient MutexCore core;

  /** Creates an unlocked lock. */
  public Lock() {
    this(Failures.segment(() -> SyncSegment.create(SyncKind.LOCK, NAME)));
  }

  private Lock(SyncSegment sync) {
    this.sync = sync;
    this.core = MutexCore.of(sync);
  }

  /**
   * Acquires the lock, waiting as long as it takes.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws IllegalStateException if the lock was {@linkplain #close() closed}
   */
  public void acquire() throws InterruptedException {
    Locking.acquire(sync, core, Timeouts.FOREVER);
  }

  /**
   * Acquires the lock, waiting at most {@code timeout} (zero: do not wait).
   *
   * @return whether the lock was acquired
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws IllegalStateException if the lock was {@linkplain #close() closed}
   */
  public boolean acquire(Duration timeout) throws InterruptedException {
    return Locking.acquire(sync, core, Timeouts.toNanos(timeout));
  }

  /**
   * Acquires the lock if it is free (or held by a dead process), without waiting: Python's
   * {@code acquire(False)}.
   *
   * @return whether the lock was acquired
   */
  public boolean tryAcquire() {
    return Locking.tryAcquire(sync, core);
  }

  /**
   * Releases the lock; any process may release it, not only the one that acquired it.
   *
   * @throws IllegalStateException if the lock is not locked (naming the lock and this process),
   *     or was closed
   */
  public void release() {
    Locking.release(sync, core);
  }

  /**
   * Acquires the lock and returns a hold whose {@link Held#close()} releases it: {@code try (Held
   * held = lock.hold()) {...}}.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Held hold() throws InterruptedException {
    acquire();
    return new Held(this::release);
  }

  /** Whether some process holds the lock. */
  public boolean isLocked() {
    sync.checkOpen();
    Points.point(Op.QUERY, sync.id(), "isLocked");
    return core.isLocked();
  }

  /**
   * Whether the current hold of the lock was taken over from a process that died holding it
   * (false when the lock is free). Call it after acquiring to learn whether the protected data
   * may be inconsistent; the flag clears with the next ordinary acquire.
   */
  public boolean previousOwnerDied() {
    sync.checkOpen();
    return core.ownerDied();
  }

  /**
   * Releases the lock's shared resources, for every process: marks it closed and removes its
   * shared-memory file. Afterwards every operation on it, in any process, throws {@link
   * IllegalStateException}, and threads waiting for it wake with that exception. Closing twice
   * does nothing. Not needed before exit: the creating process removes the file when it exits.
   */
  public void close() {
    Locking.close(sync, core);
  }

  /** Whether the lock was closed, by any process. */
  public boolean isClosed() {
    return sync.isClosed();
  }

  MutexCore core() {
    return core;
  }

  SyncSegment sync() {
    return sync;
  }

  /** {@code Lock[<id>, owner=pid 1234]} or {@code owner=nobody}. */
  @Override
  public String toString() {
    return sync + (sync.isClosed() ? " (closed)" : ", owner=" + core.holderDescription());
  }

  private Object writeReplace() {
    sync.checkOpen();
    return new SerialForm(sync.id());
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Lock is deserialized through its serial form");
  }

  /** What travels to a child: the segment name. */
  private record SerialForm(String segment) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new Lock(SyncSegment.attach(segment, SyncKind.LOCK, NAME));
    }
  }
}
