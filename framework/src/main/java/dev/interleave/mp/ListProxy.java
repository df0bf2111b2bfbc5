package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import org.apiguardian.api.API;

/**
 * A proxy for a list held by a {@link Manager}: a {@link List} whose every method is a call to
 * the manager's process (CPython's {@code ListProxy}). Elements travel serialized: one that
 * cannot be serialized fails at the call, naming its class.
 *
 * <p>Pass it to children as a {@link Process} argument. Each method is atomic; a sequence of
 * calls is not (see {@link DictProxy}). {@link #iterator()} iterates over a copy taken by one
 * call. If the manager is gone, every call throws {@link ManagerException}. Under the harness,
 * every call is a scheduling point.
 *
 * @param <E> elements
 */
@API(status = API.Status.EXPERIMENTAL)
@SuppressWarnings("unchecked")
public final class ListProxy<E> extends AbstractList<E> implements RandomAccess, ManagerProxy,
    Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  ListProxy(Token token) {
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
  public E get(int index) {
    return (E) call("get", index);
  }

  @Override
  public E set(int index, E element) {
    return (E) call("set", index, element);
  }

  @Override
  public boolean add(E element) {
    return (Boolean) call("add", element);
  }

  @Override
  public void add(int index, E element) {
    call("add", index, element);
  }

  @Override
  public E remove(int index) {
    return (E) call("remove", index);
  }

  @Override
  public boolean remove(Object o) {
    return (Boolean) call("removeElement", o);
  }

  @Override
  public int size() {
    return (Integer) call("size");
  }

  @Override
  public void clear() {
    call("clear");
  }

  @Override
  public int indexOf(Object o) {
    return (Integer) call("indexOf", o);
  }

  @Override
  public boolean contains(Object o) {
    return (Boolean) call("contains", o);
  }

  /** Reverses the list in place, in one call: Python's {@code l.reverse()}. */
  public void reverse() {
    call("reverse");
  }

  /** A copy of the list, taken by one call. */
  public List<E> copy() {
    return (List<E>) call("copy");
  }

  /** Iterates over a copy; the iterator does not support {@code remove}. */
  @Override
  public Iterator<E> iterator() {
    return java.util.Collections.unmodifiableList(copy()).iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof List && copy().equals(o);
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
