package dev.interleave.internal.manager;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The queue behind a queue proxy (a {@code Queue} or a {@code JoinableQueue}). Items are boxed
 * in one-element arrays so that null travels; timeouts are in nanoseconds, negative = forever.
 */
public final class ManagedQueue {
  private final LinkedBlockingQueue<Object[]> items;
  private final int maxsize;
  private int unfinished;

  public ManagedQueue(int maxsize) {
    this.maxsize = maxsize;
    this.items = new LinkedBlockingQueue<>(maxsize <= 0 ? Integer.MAX_VALUE : maxsize);
  }

  /** Returns false if the queue stayed full for {@code nanos}. */
  public boolean put(Object item, long nanos) throws InterruptedException {
    synchronized (this) {
      unfinished++;
    }
    boolean put = true;
    if (nanos < 0) {
      items.put(new Object[] {item});
    } else {
      put = items.offer(new Object[] {item}, nanos, TimeUnit.NANOSECONDS);
    }
    if (!put) {
      synchronized (this) {
        unfinished--;
      }
    }
    return put;
  }

  /** The item in a one-element array, or null if the queue stayed empty for {@code nanos}. */
  public Object[] get(long nanos) throws InterruptedException {
    return nanos < 0 ? items.take() : items.poll(nanos, TimeUnit.NANOSECONDS);
  }

  public int qsize() {
    return items.size();
  }

  public boolean full() {
    return maxsize > 0 && items.size() >= maxsize;
  }

  public synchronized void taskDone() {
    if (unfinished <= 0) {
      throw new IllegalStateException("task_done() called too many times");
    }
    if (--unfinished == 0) {
      notifyAll();
    }
  }

  /** Waits until every item put has been marked done; false if {@code nanos} passed first. */
  public synchronized boolean join(long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    while (unfinished > 0) {
      long left = nanos < 0 ? 0 : deadline - System.nanoTime();
      if (nanos >= 0 && left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, nanos < 0 ? 0 : left);
    }
    return true;
  }
}
