package dev.interleave.mp;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/**
 * A process's sentinel, as CPython's {@code Process.sentinel}: an object that becomes ready when
 * the process ends, to wait for with {@link #await(Collection, Duration)} beside connections, as
 * {@code multiprocessing.connection.wait}.
 *
 * <pre>{@code
 * List<Object> ready = Sentinel.await(List.of(p.sentinel(), q.sentinel(), conn), timeout);
 * }</pre>
 *
 * <p><b>Waiting.</b> {@link #await} checks every object, then checks again with a backoff from
 * 10 us to 1 ms between rounds; it returns as soon as one object is ready (with every object
 * ready then), or an empty list when the timeout passes. It is interruptible. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Sentinel {
  private static final long FIRST_BACKOFF_NANOS = 10_000;
  private static final long MAX_BACKOFF_NANOS = 1_000_000;

  private final Process process;

  Sentinel(Process process) {
    this.process = process;
  }

  /** The process whose end this sentinel tells. */
  public Process process() {
    return process;
  }

  /** Whether the process has ended (or was closed after it ended). */
  public boolean isReady() {
    return process.state() == Process.State.CLOSED || !process.isAlive();
  }

  /**
   * Waits until at least one of {@code objects} is ready, or {@code timeout} passes: a {@link
   * Sentinel} when its process has ended, a {@link Connection} when it has data to read or
   * reached end-of-file.
   *
   * @return the ready objects, in the order given; empty if the timeout passed
   * @throws IllegalArgumentException if an object is null or of another type, or the timeout is
   *     negative
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public static List<Object> await(Collection<?> objects, Duration timeout)
      throws InterruptedException {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be zero or positive but was: " + timeout);
    }
    return awaitNanos(List.copyOf(checked(objects)), timeout.toNanos());
  }

  /** {@link #await(Collection, Duration)} without a time limit. */
  public static List<Object> await(Collection<?> objects) throws InterruptedException {
    return awaitNanos(List.copyOf(checked(objects)), -1);
  }

  private static Collection<?> checked(Collection<?> objects) {
    if (objects == null) {
      throw new IllegalArgumentException("objects must not be null");
    }
    for (Object o : objects) {
      if (!(o instanceof Sentinel) && !(o instanceof Connection)) {
        throw new IllegalArgumentException("can wait only for a Sentinel or a Connection but got: "
            + (o == null ? "null" : o.getClass().getName()));
      }
    }
    return objects;
  }

  private static List<Object> awaitNanos(List<?> objects, long timeoutNanos)
      throws InterruptedException {
    if (Points.controlled()) {
      Points.await(Op.POLL, "sentinels", null, () -> !readyNow(objects).isEmpty(), timeoutNanos,
          null);
      return readyNow(objects);
    }
    Points.point(Op.POLL, "sentinels", null);
    long deadline = System.nanoTime() + timeoutNanos;
    long backoff = FIRST_BACKOFF_NANOS;
    while (true) {
      List<Object> ready = readyNow(objects);
      long remaining = timeoutNanos < 0 ? Long.MAX_VALUE : deadline - System.nanoTime();
      if (!ready.isEmpty() || remaining <= 0) {
        return ready;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      LockSupport.parkNanos(Math.min(backoff, remaining));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
    }
  }

  private static List<Object> readyNow(List<?> objects) {
    List<Object> ready = new ArrayList<>();
    for (Object o : objects) {
      boolean isReady = o instanceof Sentinel s ? s.isReady() : ((Connection) o).channel().pollNow();
      if (isReady) {
        ready.add(o);
      }
    }
    return ready;
  }

  @Override
  public String toString() {
    return "Sentinel[" + process.name() + "]";
  }
}
