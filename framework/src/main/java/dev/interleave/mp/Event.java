package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.sync.EventCore;
import dev.interleave.internal.sync.SyncKind;
import dev.interleave.internal.sync.SyncSegment;
import dev.interleave.internal.sync.Timeouts;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A flag shared by processes, as CPython's {@code multiprocessing.Event}: {@link #set()} raises
 * it and wakes every waiter, {@link #clear()} lowers it, {@link #await()} waits until it is raised
 * (Python's {@code wait()}, renamed because {@link Object#wait()} is final).
 *
 * <p><b>Blocking and wake-ups.</b> A waiter spins (up to 50 us, yielding the CPU between tries;
 * less when waits usually outlast the spin), then sleeps in the kernel (a futex on Linux)
 * without using CPU. {@link #set()} wakes every waiter of every
 * process. A waiter that was waiting when the event was set returns true even if the event was
 * cleared again before it ran (as {@code threading.Event} promises; CPython's multiprocessing
 * version may return false then).
 *
 * <p><b>Interruption and timeouts.</b> {@link #await()} and {@link #await(Duration)} throw {@link
 * InterruptedException} when the waiting thread is interrupted (noticed within 50 ms while
 * asleep); {@link #await(Duration)} returns false after its timeout.
 *
 * <p><b>Fairness.</b> Not applicable: a set wakes all waiters.
 *
 * <p><b>Memory consistency effects.</b> Writes to shared memory made by a process before it
 * calls {@link #set()} are visible to any thread of any process after its {@link #await()}
 * returns because of that set, or after {@link #isSet()} returns true.
 *
 * <p><b>Resources.</b> The shared-memory file is removed when the creating process exits or on
 * {@link #close()}; see {@link Lock}.
 */
/* Overview
 *
 * EventCore: one int, both the state (flag and a set counter) and the futex word; see there.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Event implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "Event";

  private final transient SyncSegment sync;
  private final transient EventCore core;

  /** Creates an event whose flag is clear. */
  public Event() {
    this(Failures.segment(() -> SyncSegment.create(SyncKind.EVENT, NAME)));
  }

  private Event(SyncSegment sync) {
    this.sync = sync;
    this.core = new EventCore(sync);
  }

  /** Whether the flag is set. */
  public boolean isSet() {
    sync.checkOpen();
    Points.point(Op.QUERY, sync.id(), "isSet");
    return core.isSet();
  }

  /** Sets the flag and wakes every waiting thread of every process. */
  public void set() {
    sync.checkOpen();
    Points.point(Op.SET, sync.id(), "set");
    core.set();
  }

  /** Clears the flag; later {@link #await()} calls wait until the next {@link #set()}. */
  public void clear() {
    sync.checkOpen();
    Points.point(Op.CLEAR, sync.id(), "clear");
    core.clear();
  }

  /**
   * Waits until the flag is set; returns at once if it is.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws IllegalStateException if the event was {@linkplain #close() closed}
   */
  public void await() throws InterruptedException {
    awaitNanos(Timeouts.FOREVER);
  }

  /**
   * Waits at most {@code timeout} until the flag is set.
   *
   * @return true if the flag is set or was set during the wait, false on timeout
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public boolean await(Duration timeout) throws InterruptedException {
    return awaitNanos(Timeouts.toNanos(timeout));
  }

  private boolean awaitNanos(long nanos) throws InterruptedException {
    sync.checkOpen();
    if (Points.controlled()) {
      return Points.await(Op.WAIT, sync.id(), "wait", core.waitAttempt(), nanos, null);
    }
    Points.point(Op.WAIT, sync.id(), "wait");
    return core.await(nanos);
  }

  /**
   * Releases the event's shared resources for every process; see {@link Lock#close()}.
   * Afterwards every operation throws {@link IllegalStateException}.
   */
  public void close() {
    if (sync.close()) {
      core.wakeAll();
    }
  }

  /** Whether the event was closed, by any process. */
  public boolean isClosed() {
    return sync.isClosed();
  }

  @Override
  public String toString() {
    return sync + (sync.isClosed() ? " (closed)" : core.isSet() ? ", set" : ", clear");
  }

  private Object writeReplace() {
    sync.checkOpen();
    return new SerialForm(sync.id());
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("an Event is deserialized through its serial form");
  }

  /** What travels to a child: the segment name. */
  private record SerialForm(String segment) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new Event(SyncSegment.attach(segment, SyncKind.EVENT, NAME));
    }
  }
}
