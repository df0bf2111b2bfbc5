package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * A proxy for a value held by a {@link Manager} ({@code manager.Value(typecode, value)} in
 * CPython): {@link #get()} and {@link #set} are calls to the manager's process, each atomic; the
 * manager checks every value against the type given at creation. {@link #addAndGet} is one
 * atomic call (CPython has none: its {@code v.value += 1} is a get and a set, which can lose
 * updates between processes, as {@code v.set(v.get() + 1)} does here).
 *
 * <p>Under the harness, every call is a scheduling point; once the manager is gone, every call
 * throws {@link ManagerException}.
 *
 * @param <T> the value's type
 */
@API(status = API.Status.EXPERIMENTAL)
@SuppressWarnings("unchecked")
public final class ValueProxy<T> implements ManagerProxy, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  ValueProxy(Token token) {
    this.token = token;
  }

  @Override
  public Token token() {
    return token;
  }

  /** The value. */
  public T get() {
    return (T) Proxies.call(token, "get");
  }

  /**
   * Sets the value.
   *
   * @throws IllegalArgumentException if the value's type cannot hold {@code value}
   */
  public void set(T value) {
    Proxies.call(token, "set", value);
  }

  /** Adds {@code delta} to an integral value in one atomic call; returns the new value. */
  public long addAndGet(long delta) {
    return ((Number) Proxies.call(token, "addAndGet", delta)).longValue();
  }

  @Override
  public String toString() {
    return "ValueProxy[" + token + "]";
  }

  private Object writeReplace() {
    return new Proxies.Form(token);
  }
}
