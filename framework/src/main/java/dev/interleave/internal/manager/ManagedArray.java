package dev.interleave.internal.manager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** The fixed-length array behind an array proxy. */
public final class ManagedArray {
  private final UnaryOperator<Object> check;
  private final Object[] items;

  public ManagedArray(UnaryOperator<Object> check, List<?> initial) {
    this.check = check;
    this.items = initial.toArray();
    for (int i = 0; i < items.length; i++) {
      items[i] = check.apply(items[i]);
    }
  }

  public Object get(int i) {
    return items[check(i)];
  }

  public void set(int i, Object value) {
    items[check(i)] = check.apply(value);
  }

  public int length() {
    return items.length;
  }

  public ArrayList<Object> copy() {
    return new ArrayList<>(Arrays.asList(items));
  }

  private int check(int i) {
    if (i < 0 || i >= items.length) {
      throw new IndexOutOfBoundsException("index " + i + " out of range for a managed array of"
          + " length " + items.length);
    }
    return i;
  }
}
