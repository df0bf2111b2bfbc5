package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A proxy for a fixed-length array held by a {@link Manager} ({@code manager.Array(typecode,
 * sequence)} in CPython). Each call is atomic and checked by the manager against the array's
 * type and length; under the harness every call is a scheduling point; once the manager is gone,
 * every call throws {@link ManagerException}.
 *
 * @param <T> the element type
 */
@API(status = API.Status.EXPERIMENTAL)
@SuppressWarnings("unchecked")
public final class ArrayProxy<T> implements ManagerProxy, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  ArrayProxy(Token token) {
    this.token = token;
  }

  @Override
  public Token token() {
    return token;
  }

  /**
   * Element {@code i}.
   *
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public T get(int i) {
    return (T) Proxies.call(token, "get", i);
  }

  /**
   * Stores {@code value} at {@code i}.
   *
   * @throws IllegalArgumentException if the type cannot hold {@code value}
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public void set(int i, T value) {
    Proxies.call(token, "set", i, value);
  }

  /** The number of elements. */
  public int length() {
    return (Integer) Proxies.call(token, "length");
  }

  /** A copy of every element, taken by one call. */
  public List<T> toList() {
    return (List<T>) Proxies.call(token, "copy");
  }

  @Override
  public String toString() {
    return "ArrayProxy[" + token + "]";
  }

  private Object writeReplace() {
    return new Proxies.Form(token);
  }
}
