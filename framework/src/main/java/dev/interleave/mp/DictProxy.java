package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A proxy for a dict held by a {@link Manager}: a {@link Map} whose every method is a call to
 * the manager's process (CPython's {@code DictProxy}). Keys and values travel serialized: a value
 * that cannot be serialized fails at the call, naming its class, and nothing is stored.
 *
 * <p>Pass it to children as a {@link Process} argument: every copy reaches the same dict.
 * Another proxy stored as a value is stored as the object it stands for, and reading it back
 * gives a proxy again (nested proxies: a list inside a dict).
 *
 * <p><b>Atomicity.</b> Each method is atomic (the manager runs calls on one object one at a
 * time); a sequence of calls is not: {@code d.put(k, d.get(k) + 1)} in two processes can lose
 * an update, as in CPython. Guard such sequences with a lock (a {@link Lock} or a manager's
 * {@link Manager#lock()}). {@link #keySet()}, {@link #values()} and {@link #entrySet()} are
 * copies taken by one call, not live views.
 *
 * <p><b>Memory consistency effects.</b> Calls on one object are ordered by the manager: a call
 * that returns sees the effects of every call that returned before it started, in any process.
 *
 * <p><b>Failure.</b> If the manager is shut down or its process dies, every call throws {@link
 * ManagerException} at once. Under the harness, every call is a scheduling point.
 *
 * @param <K> keys
 * @param <V> values
 */
@API(status = API.Status.EXPERIMENTAL)
@SuppressWarnings("unchecked")
public final class DictProxy<K, V> implements Map<K, V>, ManagerProxy, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  DictProxy(Token token) {
    this.token = token;
  }

  @Override
  public Token token() {
    return token;
  }

  private Object call(String method, Object... args) {
    return Proxies.call(token, method, args);
  }

  @Override
  public int size() {
    return (Integer) call("size");
  }

  @Override
  public boolean isEmpty() {
    return (Boolean) call("isEmpty");
  }

  @Override
  public boolean containsKey(Object key) {
    return (Boolean) call("containsKey", key);
  }

  @Override
  public boolean containsValue(Object value) {
    return (Boolean) call("containsValue", value);
  }

  @Override
  public V get(Object key) {
    return (V) call("get", key);
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    return (V) call("getOrDefault", key, defaultValue);
  }

  @Override
  public V put(K key, V value) {
    return (V) call("put", key, value);
  }

  @Override
  public V putIfAbsent(K key, V value) {
    return (V) call("putIfAbsent", key, value);
  }

  @Override
  public V remove(Object key) {
    return (V) call("remove", key);
  }

  /** Puts every entry of {@code m} in one call. */
  @Override
  public void putAll(Map<? extends K, ? extends V> m) {
    call("putAll", new LinkedHashMap<>(m));
  }

  @Override
  public void clear() {
    call("clear");
  }

  /** A copy of the dict, in insertion order, taken by one call. */
  public Map<K, V> copy() {
    return (Map<K, V>) call("copy");
  }

  /** A copy of the keys. */
  @Override
  public Set<K> keySet() {
    return copy().keySet();
  }

  /** A copy of the values. */
  @Override
  public Collection<V> values() {
    return copy().values();
  }

  /** A copy of the entries. */
  @Override
  public Set<Entry<K, V>> entrySet() {
    return copy().entrySet();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Map && copy().equals(o);
  }

  @Override
  public int hashCode() {
    return copy().hashCode();
  }

  @Override
  public String toString() {
    return copy().toString();
  }

  private Object writeReplace() {
    return new Proxies.Form(token);
  }
}
