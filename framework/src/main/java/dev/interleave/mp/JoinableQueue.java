package dev.interleave.mp;

import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.ipc.Deadlines;
import dev.interleave.internal.ipc.QueueChannel;
import java.io.ObjectStreamException;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@link Queue} that also counts unfinished tasks, as CPython's {@code JoinableQueue}: every
 * {@code put} adds one, every {@link #taskDone()} removes one, and {@link #join()} waits until
 * none is left. The count is shared by all processes using the queue.
 *
 * <p>A consumer killed before calling {@code taskDone()} leaves its task unfinished for good, so
 * {@code join()} then waits forever, as in CPython; use {@link #join(Duration)} where that can
 * happen.
 *
 * <p><b>Memory consistency effects:</b> actions prior to {@code taskDone()} happen-before actions
 * subsequent to the {@code join()} that it lets return.
 *
 * @param <E> the type of the items
 */
@API(status = API.Status.EXPERIMENTAL)
public final class JoinableQueue<E> extends Queue<E> {
  private static final long serialVersionUID = 1L;

  /** An unbounded joinable queue. */
  public JoinableQueue() {
    this(0);
  }

  /** A joinable queue of at most {@code maxsize} items; unbounded if {@code maxsize <= 0}. */
  public JoinableQueue(int maxsize) {
    this(maxsize, SerialFilter.defaults());
  }

  /** A joinable queue whose items are deserialized through {@code filter}. */
  public JoinableQueue(int maxsize, SerialFilter filter) {
    super(maxsize, filter);
  }

  JoinableQueue(QueueChannel channel, ClassRules rules) {
    super(channel, rules);
  }

  /**
   * Marks one task, taken with {@code get}, as done.
   *
   * @throws IllegalStateException if called more times than items were put
   */
  public void taskDone() {
    channel.taskDone();
  }

  /**
   * Waits until every item put has been marked done.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void join() throws InterruptedException {
    channel.join(Deadlines.NONE);
  }

  /**
   * Waits at most {@code timeout} until every item put has been marked done.
   *
   * @return whether all were done in time
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean join(Duration timeout) throws InterruptedException {
    return channel.join(Deadlines.after(Objects.requireNonNull(timeout, "timeout")));
  }

  @Override
  Object writeReplace() throws ObjectStreamException {
    return new QueueSerialForm(channel.handOff(), QueueSerialForm.Kind.JOINABLE);
  }
}
