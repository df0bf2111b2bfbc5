package dev.interleave.internal.manager;

import java.util.ArrayList;
import java.util.List;

/** The list behind a list proxy: an {@code ArrayList} with a copy and an unambiguous remove. */
public final class ManagedList extends ArrayList<Object> {
  private static final long serialVersionUID = 1L;

  public ManagedList(List<?> initial) {
    super(initial);
  }

  /** A plain copy, for iteration and views on the client. */
  public ArrayList<Object> copy() {
    return new ArrayList<>(this);
  }

  /** Reverses the list in place: Python's {@code list.reverse()}. */
  public void reverse() {
    java.util.Collections.reverse(this);
  }

  /** {@code remove(Object)}, named apart from {@code remove(int)}. */
  public boolean removeElement(Object o) {
    return remove(o);
  }
}
