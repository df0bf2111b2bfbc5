package dev.interleave.mp;

import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.ipc.Codec;
import dev.interleave.internal.ipc.Deadlines;
import dev.interleave.internal.ipc.IpcFailure;
import dev.interleave.internal.ipc.QueueChannel;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A first-in, first-out queue shared by processes, as CPython's {@code multiprocessing.Queue}:
 * any number of processes put and get, each item being a serialized copy.
 *
 * <p><b>Items.</b> {@link #put} serializes the item at once, in the calling thread, so an item
 * that cannot be serialized fails right there with {@link SerializationException} (CPython's
 * feeder thread drops it later and silently, gh-84376). Items put by one thread are got in the
 * order it put them; items from different producers interleave in the order they were put.
 * Received items are deserialized through the queue's {@link SerialFilter}.
 *
 * <p><b>Blocking.</b> {@code get} blocks until an item is there (or its timeout passes). {@code
 * put} blocks only for a bounded queue ({@code maxsize > 0}) that is full. It never waits for a
 * consumer otherwise: when the queue's 1 MiB shared buffer is full, {@code put} gives consumers
 * at most 2 ms to make room, then writes the item to a spill file in shared memory. There is no feeder thread, so a process may exit (and be joined) with items
 * still in the queue, which others can still get: CPython's "joining processes that use queues"
 * deadlock cannot happen. A process killed while putting or getting (even with {@code kill -9})
 * never leaves the others blocked: its item is either wholly visible or absent, and the locks it
 * held are taken over within 50 ms. An item whose consumer is killed mid-get may be delivered
 * again, never lost. A queue has no end-of-file: as in CPython, a {@code get()} without timeout
 * on an empty queue waits even if every producer has died; use a timeout where that can happen.
 *
 * <p><b>Timeouts and interruption.</b> Timeouts are {@link Duration}s; a negative one throws
 * {@link IllegalArgumentException}. A blocked call throws {@link InterruptedException} within 50
 * ms of an interrupt, having put or got nothing.
 *
 * <p><b>Lifetime.</b> The queue lives in shared memory created by the process that constructs
 * it; pass it to children as a {@link Process} argument, or inside another queue's item or a
 * pipe's message. Its memory is freed when the last process holding it closes its handles (a
 * process that died holds nothing; a handle in transit holds until it is opened, or for at most
 * a minute), or when its creator exits, whichever comes first. {@link #close()} stops this
 * handle only: the queue lives on while another process holds it.
 *
 * <p><b>Memory consistency effects:</b> actions in a thread (of any process) prior to putting an
 * item happen-before actions subsequent to getting that item in another thread.
 *
 * @param <E> the type of the items
 */
@API(status = API.Status.EXPERIMENTAL)
public sealed class Queue<E> implements Serializable permits JoinableQueue {
  private static final long serialVersionUID = 1L;

  final transient QueueChannel channel;
  private final transient ClassRules rules;
  private transient volatile boolean closed;

  /** An unbounded queue. */
  public Queue() {
    this(0);
  }

  /**
   * A queue holding at most {@code maxsize} items; unbounded if {@code maxsize <= 0}, as in
   * CPython.
   */
  public Queue(int maxsize) {
    this(maxsize, SerialFilter.defaults());
  }

  /** A queue whose items are deserialized through {@code filter}. */
  public Queue(int maxsize, SerialFilter filter) {
    this(Failures.newQueue(maxsize), Objects.requireNonNull(filter, "filter").rules());
  }

  Queue(QueueChannel channel, ClassRules rules) {
    this.channel = channel;
    this.rules = rules;
  }

  /**
   * Puts an item, waiting as long as it takes for room in a bounded queue.
   *
   * @throws SerializationException if the item cannot be serialized, naming its class
   * @throws IllegalStateException if this handle is closed
   * @throws InterruptedException if interrupted while waiting for room
   */
  public void put(E item) throws InterruptedException {
    put(item, Deadlines.NONE);
  }

  /**
   * Puts an item, waiting at most {@code timeout} for room in a bounded queue.
   *
   * @throws QueueFullException if the queue stayed full for {@code timeout}
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws SerializationException if the item cannot be serialized, naming its class
   * @throws IllegalStateException if this handle is closed
   * @throws InterruptedException if interrupted while waiting for room
   */
  public void put(E item, Duration timeout) throws InterruptedException {
    put(item, Deadlines.after(Objects.requireNonNull(timeout, "timeout")));
  }

  /**
   * Puts an item if there is room now.
   *
   * @throws QueueFullException if a bounded queue is full
   * @throws SerializationException if the item cannot be serialized, naming its class
   * @throws IllegalStateException if this handle is closed
   */
  public void putNowait(E item) {
    try {
      put(item, System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueueFullException("interrupted while putting into " + this, e);
    }
  }

  private void put(E item, long deadline) throws InterruptedException {
    checkOpen("put into");
    try {
      if (!channel.put(Codec.encodeParts(item), deadline, this instanceof JoinableQueue)) {
        throw new QueueFullException(this + " is full (maxsize " + channel.maxsize() + ")");
      }
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
  }

  /**
   * Removes and returns the next item, waiting as long as it takes for one.
   *
   * @throws RejectedClassException if the item names a class the filter does not allow (the
   *     item is dropped)
   * @throws SerializationException if the item cannot be deserialized (the item is dropped)
   * @throws IllegalStateException if this handle is closed
   * @throws InterruptedException if interrupted while waiting
   */
  public E get() throws InterruptedException {
    return get(Deadlines.NONE);
  }

  /**
   * Removes and returns the next item, waiting at most {@code timeout} for one.
   *
   * @throws QueueEmptyException if no item arrived within {@code timeout}
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws RejectedClassException if the item names a class the filter does not allow
   * @throws IllegalStateException if this handle is closed
   * @throws InterruptedException if interrupted while waiting
   */
  public E get(Duration timeout) throws InterruptedException {
    return get(Deadlines.after(Objects.requireNonNull(timeout, "timeout")));
  }

  /**
   * Removes and returns the next item if one is there now.
   *
   * @throws QueueEmptyException if the queue is empty
   * @throws IllegalStateException if this handle is closed
   */
  public E getNowait() {
    try {
      return get(System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueueEmptyException("interrupted while getting from " + this, e);
    }
  }

  @SuppressWarnings("unchecked")
  private E get(long deadline) throws InterruptedException {
    checkOpen("get from");
    try {
      Codec.Item item = channel.take(deadline);
      if (item == null) {
        throw new QueueEmptyException(this + " is empty");
      }
      return (E) Codec.decode(item, rules);
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
  }

  /**
   * The approximate number of items in the queue: a snapshot that concurrent puts and gets
   * outdate at once, as CPython's.
   */
  public int qsize() {
    Points.point(Op.QUERY, channel.id(), "qsize");
    return channel.size();
  }

  /** Whether the queue is empty; approximate, as {@link #qsize()}. */
  public boolean empty() {
    Points.point(Op.QUERY, channel.id(), "empty");
    return channel.size() == 0;
  }

  /** Whether a bounded queue is full; approximate, as {@link #qsize()}. Never for unbounded. */
  public boolean full() {
    Points.point(Op.QUERY, channel.id(), "full");
    return channel.maxsize() > 0 && channel.size() >= channel.maxsize();
  }

  /** The maximum number of items, 0 for an unbounded queue. */
  public int maxsize() {
    return channel.maxsize();
  }

  /**
   * Stops this handle: further puts and gets through it throw {@link IllegalStateException}.
   * Items already put stay in the queue for the other handles. When this was the last handle of
   * the last live process holding the queue, and no handle of it is in transit, the queue's
   * shared memory and spill files are freed. Idempotent.
   */
  public void close() {
    closed = true;
    channel.close();
  }

  /**
   * CPython waits here for its feeder thread to flush buffered items; this queue has none (every
   * item is in shared memory when {@code put} returns), so it returns at once.
   *
   * @throws IllegalStateException if this handle was not closed first, as CPython asserts
   */
  public void joinThread() {
    if (!closed) {
      throw new IllegalStateException(this + " must be closed before joinThread()");
    }
  }

  /**
   * CPython stops the process from waiting for its feeder thread at exit; there is none here, so
   * this does nothing, and no item is ever lost by exiting.
   */
  public void cancelJoinThread() {
    // no feeder thread
  }

  ClassRules rules() {
    return rules;
  }

  void checkOpen(String what) {
    if (closed) {
      throw new IllegalStateException("cannot " + what + " " + this + ": it is closed");
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + channel.id() + "]";
  }

  Object writeReplace() throws ObjectStreamException {
    return new QueueSerialForm(channel.handOff(), QueueSerialForm.Kind.QUEUE);
  }
}
