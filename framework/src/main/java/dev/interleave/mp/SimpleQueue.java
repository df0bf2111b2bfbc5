package dev.interleave.mp;

import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.ipc.Codec;
import dev.interleave.internal.ipc.Deadlines;
import dev.interleave.internal.ipc.IpcFailure;
import dev.interleave.internal.ipc.QueueChannel;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An unbounded queue with only {@code put}, {@code get}, {@code empty} and {@code close}, as
 * CPython's {@code SimpleQueue}. It shares {@link Queue}'s mechanics and guarantees (an item is
 * serialized inside {@code put}; {@code put} never blocks; killed peers never block others).
 *
 * <p><b>Memory consistency effects:</b> actions prior to putting an item happen-before actions
 * subsequent to getting it.
 *
 * @param <E> the type of the items
 */
@API(status = API.Status.EXPERIMENTAL)
public final class SimpleQueue<E> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final transient QueueChannel channel;
  private final transient ClassRules rules;
  private transient volatile boolean closed;

  /** An empty queue with the default {@link SerialFilter}. */
  public SimpleQueue() {
    this(SerialFilter.defaults());
  }

  /** An empty queue whose items are deserialized through {@code filter}. */
  public SimpleQueue(SerialFilter filter) {
    this(Failures.newQueue(0), Objects.requireNonNull(filter, "filter").rules());
  }

  SimpleQueue(QueueChannel channel, ClassRules rules) {
    this.channel = channel;
    this.rules = rules;
  }

  /**
   * Puts an item. It never waits for a consumer; it only waits, briefly, for concurrent puts of
   * other threads and processes.
   *
   * @throws SerializationException if the item cannot be serialized, naming its class
   * @throws IllegalStateException if this handle is closed
   * @throws InterruptedException if interrupted while waiting for another put to finish
   */
  public void put(E item) throws InterruptedException {
    checkOpen("put into");
    try {
      channel.put(Codec.encodeParts(item), Deadlines.NONE, false);
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
  }

  /**
   * Removes and returns the next item, waiting as long as it takes for one.
   *
   * @throws RejectedClassException if the item names a class the filter does not allow
   * @throws IllegalStateException if this handle is closed
   * @throws InterruptedException if interrupted while waiting
   */
  @SuppressWarnings("unchecked")
  public E get() throws InterruptedException {
    checkOpen("get from");
    try {
      return (E) Codec.decode(channel.take(Deadlines.NONE), rules);
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
  }

  /** Whether the queue is empty (approximate while others put and get). */
  public boolean empty() {
    return channel.size() == 0;
  }

  /**
   * Stops this handle; further puts and gets through it throw. Once no live process holds the
   * queue (and no handle of it is in transit), its shared memory is freed. Idempotent.
   */
  public void close() {
    closed = true;
    channel.close();
  }

  private void checkOpen(String what) {
    if (closed) {
      throw new IllegalStateException("cannot " + what + " " + this + ": it is closed");
    }
  }

  @Override
  public String toString() {
    return "SimpleQueue[" + channel.id() + "]";
  }

  private Object writeReplace() throws ObjectStreamException {
    return new QueueSerialForm(channel.handOff(), QueueSerialForm.Kind.SIMPLE);
  }
}
