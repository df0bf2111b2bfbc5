package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A proxy for a queue held by a {@link Manager} ({@code manager.Queue()} or {@code
 * manager.JoinableQueue()}): items are stored in the manager's process, so the queue can also be
 * reached from processes that connected to the manager by address.
 *
 * <p><b>Blocking.</b> {@link #get()} waits for an item and {@link #put} for room (bounded
 * queues) inside the manager; the calling thread waits for the answer. Each blocking call has a
 * {@code Duration} form. An interrupt of a waiting thread throws {@link InterruptedException}
 * and closes that thread's connection; the manager abandons the call (an item it takes for the
 * abandoned call afterwards is lost).
 *
 * <p>Under the harness each call is a scheduling point, and a blocked {@code get} or {@code put}
 * is a blocked step the scheduler sees. Once the manager is gone, every call throws {@link
 * ManagerException}.
 *
 * @param <E> items
 */
@API(status = API.Status.EXPERIMENTAL)
@SuppressWarnings("unchecked")
public final class QueueProxy<E> implements ManagerProxy, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  QueueProxy(Token token) {
    this.token = token;
  }

  @Override
  public Token token() {
    return token;
  }

  /** Puts {@code item}, waiting for room as long as it takes. */
  public void put(E item) throws InterruptedException {
    Proxies.callBlocking(token, "put", null, item);
  }

  /**
   * Puts {@code item}, waiting at most {@code timeout} for room.
   *
   * @throws QueueFullException if the queue stayed full
   */
  public void put(E item, Duration timeout) throws InterruptedException {
    if (!Boolean.TRUE.equals(Proxies.callBlocking(token, "put", timeout, item))) {
      throw new QueueFullException("the managed queue stayed full for " + timeout);
    }
  }

  /** Removes and returns the next item, waiting as long as it takes. */
  public E get() throws InterruptedException {
    return (E) ((Object[]) Proxies.callBlocking(token, "get", null))[0];
  }

  /**
   * Removes and returns the next item, waiting at most {@code timeout}.
   *
   * @throws QueueEmptyException if no item came
   */
  public E get(Duration timeout) throws InterruptedException {
    Object[] boxed = (Object[]) Proxies.callBlocking(token, "get", timeout);
    if (boxed == null) {
      throw new QueueEmptyException("no item arrived in the managed queue within " + timeout);
    }
    return (E) boxed[0];
  }

  /** The number of items queued. */
  public int qsize() {
    return (Integer) Proxies.call(token, "qsize");
  }

  /** Whether no item is queued. */
  public boolean empty() {
    return qsize() == 0;
  }

  /** Whether a bounded queue is at its size limit. */
  public boolean full() {
    return (Boolean) Proxies.call(token, "full");
  }

  /**
   * Marks one item taken earlier as processed (a {@code JoinableQueue}'s {@code task_done}).
   *
   * @throws IllegalStateException if called more times than items were put
   */
  public void taskDone() {
    Proxies.call(token, "taskDone");
  }

  /** Waits until every item put has been marked done ({@code JoinableQueue.join}). */
  public void join() throws InterruptedException {
    Proxies.callBlocking(token, "join", null);
  }

  @Override
  public String toString() {
    return "QueueProxy[" + token + "]";
  }

  private Object writeReplace() {
    return new Proxies.Form(token);
  }
}
