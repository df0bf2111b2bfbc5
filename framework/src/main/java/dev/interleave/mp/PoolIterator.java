package dev.interleave.mp;

import dev.interleave.internal.pool.Failure;
import dev.interleave.internal.pool.Job;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * The results of {@link Pool#imap} (in task order) or {@link Pool#imapUnordered} (in completion
 * order), as CPython's {@code IMapIterator}: each result can be taken as soon as it has arrived,
 * while later tasks still run.
 *
 * <p>{@link #next()} blocks until the next result has arrived and returns it, or rethrows its
 * task's failure as {@link AsyncResult#get()} does, after which iteration goes on with the next
 * task (a failure of a chunk of several tasks is thrown once for the chunk). {@link #hasNext()}
 * blocks until it is known whether another result will come. A task whose worker died fails with
 * {@link WorkerLostException}, and the iteration continues with the other tasks.
 *
 * <p>Taking results from several threads is allowed; each result goes to one of them. Not
 * {@code Iterable}: it can be iterated once.
 *
 * @param <R> the result type
 */
@API(status = API.Status.EXPERIMENTAL)
public final class PoolIterator<R> implements Iterator<R> {
  private final boolean ordered;
  private final PoolWait wait;
  private final Map<Integer, Object> arrived = new HashMap<>();
  private final ArrayDeque<Object> ready = new ArrayDeque<>();
  private int nextChunk;
  private int chunksSeen;
  private int totalChunks = -1;
  private int produced;
  private Failure terminal;

  PoolIterator(boolean ordered, PoolWait wait) {
    this.ordered = ordered;
    this.wait = wait;
  }

  /** A result slot that carries a failure. */
  private record Failed(Failure failure) {}

  /**
   * Whether another result (or failure) will come; blocks until that is known.
   *
   * @throws ProcessException wrapping an {@link InterruptedException} if interrupted (the
   *     interrupt status is set again)
   */
  @Override
  public boolean hasNext() {
    try {
      wait.until(this::decided, null);
      synchronized (this) {
        while (!decided()) {
          this.wait();
        }
        return !ready.isEmpty() || (terminal != null && chunksSeen >= produced);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessException("interrupted while waiting for a pool result", e);
    }
  }

  /**
   * The next result, waiting for it without a time limit.
   *
   * @throws NoSuchElementException if every result was taken (CPython's {@code StopIteration})
   */
  @Override
  public R next() {
    try {
      return next(null);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no timeout was given", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessException("interrupted while waiting for a pool result", e);
    }
  }

  /**
   * The next result, waiting at most {@code timeout} for it (CPython's {@code next(timeout)}).
   *
   * @throws TimeoutException if it did not arrive in time
   * @throws NoSuchElementException if every result was taken
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws InterruptedException if interrupted while waiting
   */
  public R next(Duration timeout) throws InterruptedException, TimeoutException {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative but was: " + timeout);
    }
    if (!wait.until(this::decided, timeout)) {
      throw new TimeoutException("the next result did not arrive within " + timeout);
    }
    return take(timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos());
  }

  @SuppressWarnings("unchecked")
  private synchronized R take(long deadline) throws InterruptedException, TimeoutException {
    while (!decided()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException("the next result did not arrive in time");
      }
      this.wait(Math.max(1, Math.min(left / 1_000_000L, Integer.MAX_VALUE)));
    }
    Object item = ready.pollFirst();
    if (item == null) {
      if (terminal == null) {
        throw new NoSuchElementException("every result of this map was taken");
      }
      Failure f = terminal;
      terminal = null;
      totalChunks = chunksSeen;
      throw AsyncResult.rethrow(PoolFailures.toException(f));
    }
    if (item instanceof Failed failed) {
      throw AsyncResult.rethrow(PoolFailures.toException(failed.failure()));
    }
    return item == NULL ? null : (R) item;
  }

  private static final Object NULL = new Object();

  /** Whether next() can answer now: an item, a failure, or the end. */
  private synchronized boolean decided() {
    return !ready.isEmpty() || (terminal != null && chunksSeen >= produced)
        || (totalChunks >= 0 && chunksSeen >= totalChunks);
  }

  /** The job feeding this iterator. */
  Job job() {
    return new Feed();
  }

  private synchronized void arrive(int index, Object slot) {
    chunksSeen++;
    if (!ordered) {
      append(slot);
    } else {
      arrived.put(index, slot);
      for (Object s; (s = arrived.remove(nextChunk)) != null; nextChunk++) {
        append(s);
      }
    }
    notifyAll();
  }

  @SuppressWarnings("unchecked")
  private void append(Object slot) {
    if (slot instanceof List<?> values) {
      for (Object v : values) {
        ready.addLast(v == null ? NULL : v);
      }
    } else {
      ready.addLast(slot);
    }
  }

  /** The source has produced another chunk. */
  synchronized void produced() {
    produced++;
  }

  /** The source has produced {@code chunks} chunks in all. */
  synchronized void length(int chunks) {
    totalChunks = chunks;
    notifyAll();
  }

  private final class Feed implements Job {
    @Override
    public void chunkDone(int index, List<Object> values) {
      arrive(index, values);
    }

    @Override
    public void chunkFailed(int index, Failure failure) {
      arrive(index, new Failed(failure));
    }

    @Override
    public void jobFailed(Failure failure) {
      synchronized (PoolIterator.this) {
        terminal = Objects.requireNonNull(failure);
        PoolIterator.this.notifyAll();
      }
    }
  }
}
