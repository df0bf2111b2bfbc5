package dev.interleave.internal.pool;

import dev.interleave.internal.runtime.Serialization;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serialized task functions of one pool, by identity of the user's function object, so that a
 * function is serialized once per pool and sent once per worker rather than with every chunk.
 * Thread-safe.
 */
public final class FunctionCache {
  /** How many functions a worker keeps; the pool mirrors each worker's cache exactly. */
  static final int WORKER_CAPACITY = 256;
  private static final int CAPACITY = 64;

  /** A function with its id and serialized form. */
  public record Entry(int id, byte[] bytes) {}

  private final Map<Object, Entry> byIdentity = new IdentityHashMap<>();
  private final LinkedHashMap<Object, Boolean> order = new LinkedHashMap<>(16, 0.75f, true);
  private int nextId = 1;

  /**
   * The entry of {@code f}, serializing it the first time.
   *
   * @throws IllegalArgumentException naming the class that cannot be serialized
   */
  public synchronized Entry of(PoolFunction f) {
    Object key = f.identity();
    Entry e = byIdentity.get(key);
    if (e != null) {
      order.get(key);
      return e;
    }
    e = new Entry(nextId++, Serialization.serialize(f));
    byIdentity.put(key, e);
    order.put(key, Boolean.TRUE);
    if (order.size() > CAPACITY) {
      Object eldest = order.keySet().iterator().next();
      order.remove(eldest);
      byIdentity.remove(eldest);
    }
    return e;
  }

  /** An LRU set of function ids, in the same order a worker's cache keeps them. */
  static <V> LinkedHashMap<Integer, V> workerMirror() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, V> eldest) {
        return size() > WORKER_CAPACITY;
      }
    };
  }
}
