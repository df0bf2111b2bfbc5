package dev.interleave.mp;

import dev.interleave.mp.ManagerWire.Token;
import java.io.Serializable;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A proxy for a namespace held by a {@link Manager} (CPython's {@code NamespaceProxy}): named
 * attributes, {@code ns.x = 1} being {@code ns.set("x", 1)}. Each call is atomic, a scheduling
 * point under the harness, and throws {@link ManagerException} once the manager is gone.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class NamespaceProxy implements ManagerProxy, Serializable {
  private static final long serialVersionUID = 1L;
  private final transient Token token;

  NamespaceProxy(Token token) {
    this.token = token;
  }

  @Override
  public Token token() {
    return token;
  }

  /**
   * The attribute {@code name}.
   *
   * @throws java.util.NoSuchElementException if there is none (Python's {@code AttributeError})
   */
  public Object get(String name) {
    return Proxies.call(token, "getAttr", name);
  }

  /** Sets the attribute {@code name}. */
  public void set(String name, Object value) {
    Proxies.call(token, "setAttr", name, value);
  }

  /**
   * Deletes the attribute {@code name}.
   *
   * @throws java.util.NoSuchElementException if there is none
   */
  public void delete(String name) {
    Proxies.call(token, "delAttr", name);
  }

  /** A copy of every attribute, in the order they were first set. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> attributes() {
    return (Map<String, Object>) Proxies.call(token, "copy");
  }

  /** {@code Namespace(a=1, b=2)}, as Python prints it. */
  @Override
  public String toString() {
    return attributes().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "Namespace(", ")"));
  }

  private Object writeReplace() {
    return new Proxies.Form(token);
  }
}
