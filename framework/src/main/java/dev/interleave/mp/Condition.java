package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.sync.ConditionCore;
import dev.interleave.internal.sync.MutexCore;
import dev.interleave.internal.sync.SyncKind;
import dev.interleave.internal.sync.SyncSegment;
import dev.interleave.internal.sync.Timeouts;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * A condition variable shared by processes, over a {@link Lock} or an {@link RLock}, as CPython's
 * {@code multiprocessing.Condition}.
 *
 * <p>Python's names map as follows: {@code wait} is {@link #await()} ({@link Object#wait()} is
 * final), {@code notify(n)} is {@link #signal(int)}, {@code notify_all} is {@link #signalAll()}
 * ({@link Object#notify()} and {@link Object#notifyAll()} are final), {@code wait_for} is {@link
 * #waitFor}. The condition's lock is taken with {@link #acquire()}, {@link #release()} or {@link
 * #hold()}, which act on the lock passed to the constructor.
 *
 * <pre>{@code
 * try (Held held = cond.hold()) {
 *   cond.waitFor(() -> queueNotEmpty(), Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p><b>Blocking and wake-ups.</b> {@link #await()} releases the lock (every recursion level of
 * an RLock), waits, then re-acquires it (restoring the recursion count) before it returns, also
 * after a timeout or an interrupt. {@link #signal(int)} wakes the {@code n} threads that have
 * waited longest, in arrival order; there are no spurious wake-ups. Waiters sleep in the kernel
 * after a short spin and use no CPU. At most 1,024 threads (of all processes) can wait at the same
 * time; one more fails with {@link IllegalStateException}.
 *
 * <p><b>Interruption and timeouts.</b> An interrupted waiter re-acquires the lock and throws
 * {@link InterruptedException}, unless it had already been signalled: it then returns normally
 * with its interrupt status set, so that the signal is not lost. A timed-out waiter returns
 * false.
 *
 * <p><b>Dead waiters.</b> A signal skips waiters whose process has died, so it is not lost on
 * them.
 *
 * <p><b>Memory consistency effects.</b> As for the underlying lock: writes made while holding it
 * before {@link #signal(int)} and the release are visible to the signalled waiter after it
 * returns from {@link #await()} (it re-acquires the lock).
 *
 * <p><b>Resources.</b> The shared-memory file is removed when the creating process exits or on
 * {@link #close()}; see {@link Lock}. Closing the condition does not close its lock.
 */
/* Overview
 *
 * ConditionCore keeps one slot per waiting thread, each its own futex word; a signal marks the
 * oldest slots notified and wakes exactly them. See ConditionCore.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Condition implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "Condition";

  private final transient SyncSegment sync;
  private final transient ConditionCore core;
  private final transient Serializable lock;
  private final transient SyncSegment lockSync;
  private final transient MutexCore lockCore;

  /** A condition over a new {@link RLock} (Python's default). */
  public Condition() {
    this(new RLock());
  }

  /** A condition over {@code lock}. */
  public Condition(Lock lock) {
    this(Failures.segment(() -> SyncSegment.create(SyncKind.CONDITION, NAME)),
        Objects.requireNonNull(lock, "lock"),
        lock.sync(), lock.core());
  }

  /** A condition over {@code lock}. */
  public Condition(RLock lock) {
    this(Failures.segment(() -> SyncSegment.create(SyncKind.CONDITION, NAME)),
        Objects.requireNonNull(lock, "lock"),
        lock.sync(), lock.core());
  }

  private Condition(SyncSegment sync, Serializable lock, SyncSegment lockSync,
      MutexCore lockCore) {
    this.sync = sync;
    this.core = new ConditionCore(sync);
    this.lock = lock;
    this.lockSync = lockSync;
    this.lockCore = lockCore;
  }

  /** Acquires the underlying lock; see {@link Lock#acquire()} and {@link RLock#acquire()}. */
  public void acquire() throws InterruptedException {
    Locking.acquire(lockSync, lockCore, Timeouts.FOREVER);
  }

  /** Acquires the underlying lock, waiting at most {@code timeout}; returns whether it did. */
  public boolean acquire(Duration timeout) throws InterruptedException {
    return Locking.acquire(lockSync, lockCore, Timeouts.toNanos(timeout));
  }

  /** Releases the underlying lock; see {@link Lock#release()} and {@link RLock#release()}. */
  public void release() {
    Locking.release(lockSync, lockCore);
  }

  /**
   * Acquires the underlying lock and returns a hold whose {@link Held#close()} releases it.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Held hold() throws InterruptedException {
    acquire();
    return new Held(this::release);
  }

  /**
   * Releases the lock, waits until signalled, and re-acquires the lock.
   *
   * @throws IllegalMonitorStateException if the calling thread does not hold the lock
   * @throws InterruptedException if interrupted while waiting (the lock is re-acquired first)
   */
  public void await() throws InterruptedException {
    awaitNanos(Timeouts.FOREVER);
  }

  /**
   * Releases the lock, waits until signalled or until {@code timeout} elapses, and re-acquires
   * the lock.
   *
   * @return false if the timeout elapsed, true if signalled
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws IllegalMonitorStateException if the calling thread does not hold the lock
   * @throws InterruptedException if interrupted while waiting (the lock is re-acquired first)
   */
  public boolean await(Duration timeout) throws InterruptedException {
    return awaitNanos(Timeouts.toNanos(timeout));
  }

  private boolean awaitNanos(long nanos) throws InterruptedException {
    sync.checkOpen();
    lockCore.checkOwnedByCurrentThread("wait on " + sync + " over it");
    int slot = core.register();
    int count;
    try {
      Points.point(Op.RELEASE, lockSync.id(), "release");
      count = lockCore.releaseFully();
    } catch (RuntimeException | Error e) {
      core.leave(slot);
      throw e;
    }
    try {
      waitSlot(slot, nanos);
    } catch (InterruptedException e) {
      if (!leaveAndReacquire(slot, count)) {
        throw e;
      }
      Thread.currentThread().interrupt();
      return true;
    } catch (RuntimeException | Error e) {
      leaveAndReacquire(slot, count);
      throw e;
    }
    return leaveAndReacquire(slot, count);
  }

  /** Leaves the wait queue and re-acquires the lock; returns whether the waiter was signalled. */
  private boolean leaveAndReacquire(int slot, int count) {
    boolean notified = core.leave(slot);
    Locking.acquireUninterruptibly(lockSync, lockCore);
    lockCore.restoreCount(count);
    return notified;
  }

  private void waitSlot(int slot, long nanos) throws InterruptedException {
    if (Points.controlled()) {
      Points.await(Op.WAIT, sync.id(), "wait", () -> core.isNotified(slot), nanos, null);
    } else {
      Points.point(Op.WAIT, sync.id(), "wait");
      core.awaitNotified(slot, nanos);
    }
  }

  /**
   * Waits until {@code predicate} is true: Python's {@code wait_for} without timeout. The
   * predicate is evaluated with the lock held, before the first wait and after each wake-up.
   *
   * @throws IllegalMonitorStateException if the calling thread does not hold the lock
   */
  public void waitFor(BooleanSupplier predicate) throws InterruptedException {
    Objects.requireNonNull(predicate, "predicate");
    while (!predicate.getAsBoolean()) {
      awaitNanos(Timeouts.FOREVER);
    }
  }

  /**
   * Waits until {@code predicate} is true or {@code timeout} elapses: Python's {@code
   * wait_for(predicate, timeout)}.
   *
   * @return the predicate's last value
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public boolean waitFor(BooleanSupplier predicate, Duration timeout)
      throws InterruptedException {
    Objects.requireNonNull(predicate, "predicate");
    long nanos = Timeouts.toNanos(timeout);
    long start = System.nanoTime();
    boolean result = predicate.getAsBoolean();
    while (!result) {
      long left = Timeouts.FOREVER;
      if (nanos != Long.MAX_VALUE) {
        left = nanos - (System.nanoTime() - start);
        if (left <= 0) {
          break;
        }
      }
      awaitNanos(left);
      result = predicate.getAsBoolean();
    }
    return result;
  }

  /** Wakes the longest-waiting thread, if any: Python's {@code notify()}. */
  public void signal() {
    signal(1);
  }

  /**
   * Wakes the {@code n} longest-waiting threads, or all if fewer wait: Python's {@code
   * notify(n)}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws IllegalMonitorStateException if the calling thread does not hold the lock
   */
  public void signal(int n) {
    Timeouts.atLeast("n", 0, n);
    sync.checkOpen();
    lockCore.checkOwnedByCurrentThread("signal " + sync + " over it");
    Points.point(Op.NOTIFY, sync.id(), "notify");
    core.notify(n);
  }

  /**
   * Wakes every waiting thread: Python's {@code notify_all()}.
   *
   * @throws IllegalMonitorStateException if the calling thread does not hold the lock
   */
  public void signalAll() {
    signal(Integer.MAX_VALUE);
  }

  /**
   * Releases the condition's shared resources for every process (not its lock's); see {@link
   * Lock#close()}. Waiting threads wake with {@link IllegalStateException}.
   */
  public void close() {
    if (sync.close()) {
      core.wakeAll();
    }
  }

  /** Whether the condition was closed, by any process. */
  public boolean isClosed() {
    return sync.isClosed();
  }

  @Override
  public String toString() {
    return sync + " over " + lock;
  }

  private Object writeReplace() {
    sync.checkOpen();
    return new SerialForm(sync.id(), lock);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Condition is deserialized through its serial form");
  }

  /** What travels to a child: the segment name and the lock. */
  private record SerialForm(String segment, Serializable lock) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      SyncSegment sync = SyncSegment.attach(segment, SyncKind.CONDITION, NAME);
      if (lock instanceof RLock r) {
        return new Condition(sync, r, r.sync(), r.core());
      }
      Lock l = (Lock) lock;
      return new Condition(sync, l, l.sync(), l.core());
    }
  }
}
