package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.sync.BarrierCore;
import dev.interleave.internal.sync.ExternalWait;
import dev.interleave.internal.sync.SyncKind;
import dev.interleave.internal.sync.SyncSegment;
import dev.interleave.internal.sync.Timeouts;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A cyclic barrier shared by processes, as CPython's {@code multiprocessing.Barrier} (which is
 * {@code threading.Barrier}): {@code parties} threads, of any processes, call {@link #await()}
 * and all return once the last has arrived; the barrier then starts over.
 *
 * <p>The last thread to arrive runs the optional action before any of them is released. {@link
 * #await()} returns the arrival index, 0 for the first to arrive and {@code parties - 1} for the
 * last.
 *
 * <p><b>Broken state.</b> The barrier breaks when a wait times out or is interrupted, when the
 * action throws, when the process running the action dies, or on {@link #abort()}; waiting and
 * later {@link #await()} calls then throw {@link BrokenBarrierException} until {@link #reset()}.
 * A reset while threads wait makes them throw {@link BrokenBarrierException} too. A party that
 * dies while waiting is not detected: the others wait until their timeout, as in Python.
 *
 * <p><b>Blocking and wake-ups.</b> Waiters spin briefly, then sleep in the kernel without using
 * CPU; the last arrival wakes them all.
 *
 * <p><b>Interruption and timeouts.</b> An interrupted waiter breaks the barrier and throws
 * {@link InterruptedException} (as {@link java.util.concurrent.CyclicBarrier} does). The timeout
 * is the one given to {@link #await(Duration)}, else the barrier's default (none unless given to
 * the constructor); when it elapses the barrier breaks.
 *
 * <p><b>Memory consistency effects.</b> Writes to shared memory made by a process before it
 * calls {@link #await()} are visible to the action, and both are visible to every party after
 * its {@link #await()} of that generation returns.
 *
 * <p><b>Resources.</b> The shared-memory file is removed when the creating process exits or on
 * {@link #close()}; see {@link Lock}.
 */
/* Overview
 *
 * BarrierCore: a generation counter, an arrival count and a broken flag under a short robust
 * guard, the outcome of recent generations, and a futex word; see there.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Barrier implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "Barrier";

  private final transient SyncSegment sync;
  private final transient BarrierCore core;
  private final transient Target.Zero action;

  /**
   * A barrier for {@code parties} threads, without action or default timeout.
   *
   * @throws IllegalArgumentException if {@code parties} is less than 1
   */
  public Barrier(int parties) {
    this(parties, null, null);
  }

  /** A barrier whose last arriving thread runs {@code action} (may be null) each time. */
  public Barrier(int parties, Target.Zero action) {
    this(parties, action, null);
  }

  /**
   * A barrier whose last arriving thread runs {@code action} (may be null), with a default
   * {@code timeout} for {@link #await()} (null for none).
   *
   * @throws IllegalArgumentException if {@code parties} is less than 1 or {@code timeout} is
   *     negative
   */
  public Barrier(int parties, Target.Zero action, Duration timeout) {
    Timeouts.atLeast("parties", 1, parties);
    long timeoutNanos = timeout == null ? Timeouts.FOREVER : Timeouts.toNanos(timeout);
    this.sync = Failures.segment(() -> SyncSegment.create(SyncKind.BARRIER, NAME));
    this.core = BarrierCore.create(sync, parties, timeoutNanos);
    this.action = action;
  }

  private Barrier(SyncSegment sync, Target.Zero action) {
    this.sync = sync;
    this.core = BarrierCore.attach(sync);
    this.action = action;
  }

  /**
   * Waits until all parties have arrived, at most the default timeout.
   *
   * @return the arrival index, from 0 to {@code parties - 1}
   * @throws BrokenBarrierException if the barrier is or becomes broken, or the timeout elapses
   * @throws InterruptedException if interrupted while waiting (the barrier is then broken)
   */
  public int await() throws InterruptedException {
    return awaitNanos(core.defaultTimeoutNanos());
  }

  /**
   * Waits until all parties have arrived, at most {@code timeout}.
   *
   * @return the arrival index, from 0 to {@code parties - 1}
   * @throws BrokenBarrierException if the barrier is or becomes broken, or the timeout elapses
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws InterruptedException if interrupted while waiting (the barrier is then broken)
   */
  public int await(Duration timeout) throws InterruptedException {
    return awaitNanos(Timeouts.toNanos(timeout));
  }

  private int awaitNanos(long nanos) throws InterruptedException {
    sync.checkOpen();
    Points.point(Op.BARRIER_WAIT, sync.id(), "wait");
    ExternalWait external = Points.controlled()
        ? (done, t) -> Points.await(Op.BARRIER_WAIT, sync.id(), "wait", done, t, null) : null;
    long start = System.nanoTime();
    int index = core.await(nanos, action == null ? null : this::runAction, external);
    if (index == BarrierCore.BROKEN) {
      boolean timedOut = nanos >= 0 && System.nanoTime() - start >= nanos;
      throw new BrokenBarrierException(sync + " is broken"
          + (timedOut ? " (this wait timed out after " + Duration.ofNanos(nanos) + ")" : ""));
    }
    return index;
  }

  private void runAction() {
    try {
      action.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ProcessException(sync + ": the barrier action failed: " + e, e);
    }
  }

  /** Breaks the barrier: waiting and future {@link #await()} calls fail until {@link #reset()}. */
  public void abort() {
    sync.checkOpen();
    Points.point(Op.ABORT, sync.id(), "abort");
    core.abort();
  }

  /**
   * Returns the barrier to its empty, unbroken state; threads waiting now get {@link
   * BrokenBarrierException}.
   */
  public void reset() {
    sync.checkOpen();
    Points.point(Op.RESET, sync.id(), "reset");
    core.reset();
  }

  /** The number of threads required to pass the barrier. */
  public int parties() {
    sync.checkOpen();
    return core.parties();
  }

  /** The number of threads waiting now (Python's {@code n_waiting}). */
  public int waiting() {
    sync.checkOpen();
    return core.waiting();
  }

  /** Whether the barrier is broken. */
  public boolean isBroken() {
    sync.checkOpen();
    return core.isBroken();
  }

  /**
   * Releases the barrier's shared resources for every process; see {@link Lock#close()}.
   * Afterwards every operation throws {@link IllegalStateException}.
   */
  public void close() {
    if (sync.close()) {
      core.wakeAll();
    }
  }

  /** Whether the barrier was closed, by any process. */
  public boolean isClosed() {
    return sync.isClosed();
  }

  @Override
  public String toString() {
    return sync + (sync.isClosed() ? " (closed)" : ", parties=" + core.parties() + ", waiting="
        + core.waiting() + (core.isBroken() ? ", broken" : ""));
  }

  private Object writeReplace() {
    sync.checkOpen();
    return new SerialForm(sync.id(), action);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Barrier is deserialized through its serial form");
  }

  /** What travels to a child: the segment name and the action. */
  private record SerialForm(String segment, Target.Zero action) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new Barrier(SyncSegment.attach(segment, SyncKind.BARRIER, NAME), action);
    }
  }
}
