package dev.interleave.mp;

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
 * A recursive lock shared by processes, as CPython's {@code multiprocessing.RLock}.
 *
 * <p>It is owned by one thread of one process, which may acquire it again; each acquire needs a
 * matching {@link #release()}, and only the owning thread may release it. Pass it to children
 * as a {@link Process} argument: every copy is the same lock.
 *
 * <p><b>Blocking and wake-ups.</b> A thread that finds the lock owned by another thread spins (up
 * to 50 us, yielding the CPU between tries; less when waits usually outlast the spin), then
 * sleeps in the kernel (a futex on Linux) without using CPU. The release of the last recursion
 * level wakes one sleeping waiter, in any process.
 *
 * <p><b>Fairness.</b> None: waiters are not ordered.
 *
 * <p><b>Interruption and timeouts.</b> {@link #acquire()} and {@link #acquire(Duration)} throw
 * {@link InterruptedException} when the waiting thread is interrupted (noticed within 50 ms
 * while asleep); {@link #acquire(Duration)} gives up after its timeout.
 *
 * <p><b>Owners that exit or die.</b> The owner is a thread of a process (identified by pid and
 * start time, so thread ids that repeat across JVMs never confuse two owners). A process that
 * <em>exits normally</em> (its target returned or threw, or it called {@code System.exit})
 * while owning the lock leaves it locked for good, as in CPython (no other process may release
 * an RLock), with a warning on stderr naming the process and the lock. If the owning process
 * <em>dies</em> (killed by a signal, {@code terminate()} and {@code kill()} included, or
 * crashed), a waiter notices (within 50 ms) and takes the lock over with a recursion count of
 * one; {@link #previousOwnerDied()} then returns true for that hold. A thread that ends while
 * owning the lock in a process that lives on is not detected (as in Python).
 *
 * <p><b>Memory consistency effects.</b> Writes to shared memory made by a process before it
 * releases the lock's last recursion level are visible to any thread of any process after it
 * acquires the lock.
 *
 * <p><b>Resources.</b> As for {@link Lock}: the file is removed when the creating process exits
 * or on {@link #close()}.
 */
/* Overview
 *
 * A recursive MutexCore: the owner word holds the process's holder code, a second word the
 * owning thread's id and a third the count, both written only by the owner. See MutexCore.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class RLock implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "RLock";

  private final transient SyncSegment sync;
  private final transient MutexCore core;

  /** Creates an unowned recursive lock. */
  public RLock() {
    this(Failures.segment(() -> SyncSegment.create(SyncKind.RLOCK, NAME)));
  }

  private RLock(SyncSegment sync) {
    this.sync = sync;
    this.core = MutexCore.of(sync);
  }

  /**
   * Acquires the lock (again, if the calling thread owns it), waiting as long as it takes.
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
   */
  public boolean acquire(Duration timeout) throws InterruptedException {
    return Locking.acquire(sync, core, Timeouts.toNanos(timeout));
  }

  /** Acquires the lock if it is free, owned by the calling thread, or owned by a dead process. */
  public boolean tryAcquire() {
    return Locking.tryAcquire(sync, core);
  }

  /**
   * Releases one recursion level; the last one frees the lock.
   *
   * @throws IllegalMonitorStateException if the calling thread does not own the lock (the
   *     message names the lock, this thread and process, and the owner)
   */
  public void release() {
    Locking.release(sync, core);
  }

  /**
   * Acquires the lock and returns a hold whose {@link Held#close()} releases one level.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Held hold() throws InterruptedException {
    acquire();
    return new Held(this::release);
  }

  /** Whether the calling thread (of this process) owns the lock. */
  public boolean isHeldByCurrentThread() {
    sync.checkOpen();
    return core.isHeldByCurrentThread();
  }

  /** How many times the calling thread holds the lock (0 if it does not own it). */
  public int holdCount() {
    sync.checkOpen();
    return core.holdCount();
  }

  /**
   * Whether the current ownership was taken over from a process that died owning the lock
   * (false when the lock is free).
   */
  public boolean previousOwnerDied() {
    sync.checkOpen();
    return core.ownerDied();
  }

  /**
   * Releases the lock's shared resources for every process; see {@link Lock#close()}.
   * Afterwards every operation throws {@link IllegalStateException}.
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

  @Override
  public String toString() {
    return sync + (sync.isClosed() ? " (closed)" : ", owner=" + core.holderDescription());
  }

  private Object writeReplace() {
    sync.checkOpen();
    return new SerialForm(sync.id());
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("an RLock is deserialized through its serial form");
  }

  /** What travels to a child: the segment name. */
  private record SerialForm(String segment) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new RLock(SyncSegment.attach(segment, SyncKind.RLOCK, NAME));
    }
  }
}
