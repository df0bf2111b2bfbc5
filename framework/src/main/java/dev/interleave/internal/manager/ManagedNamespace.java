package dev.interleave.internal.manager;

import java.util.LinkedHashMap;
import java.util.NoSuchElementException;

/** The attributes behind a namespace proxy. */
public final class ManagedNamespace {
  private final LinkedHashMap<String, Object> attributes = new LinkedHashMap<>();

  public Object getAttr(String name) {
    if (!attributes.containsKey(name)) {
      throw new NoSuchElementException("'Namespace' object has no attribute '" + name + "'");
    }
    return attributes.get(name);
  }

  public void setAttr(String name, Object value) {
    attributes.put(name, value);
  }

  public void delAttr(String name) {
    getAttr(name);
    attributes.remove(name);
  }

  public LinkedHashMap<String, Object> copy() {
    return new LinkedHashMap<>(attributes);
  }
}
