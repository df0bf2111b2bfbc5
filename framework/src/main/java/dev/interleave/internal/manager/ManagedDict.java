package dev.interleave.internal.manager;

import java.util.LinkedHashMap;
import java.util.Map;

/** The map behind a dict proxy: insertion-ordered, as Python's dict. */
public final class ManagedDict extends LinkedHashMap<Object, Object> {
  private static final long serialVersionUID = 1L;

  public ManagedDict(Map<?, ?> initial) {
    super(initial);
  }

  /** A plain copy, for iteration and views on the client. */
  public LinkedHashMap<Object, Object> copy() {
    return new LinkedHashMap<>(this);
  }
}
