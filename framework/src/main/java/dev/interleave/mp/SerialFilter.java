package dev.interleave.mp;

import dev.interleave.internal.ipc.ClassRules;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Which classes a {@link Connection} or queue may deserialize: an immutable set of rules that
 * travels with the pipe or queue, so every process applies the same filter.
 *
 * <p>{@link #defaults()} allows primitives; the JDK's value and collection types ({@code
 * java.lang.*}, {@code java.util.**}, {@code java.time.**}, {@code java.math.*}, {@code
 * java.net.URI}, {@code java.io.File}, serialized lambdas) and their arrays; and serializable
 * classes of the application, records included: classes defined by a class loader other than the
 * JDK's, except dynamic proxies and a deny-list of libraries with known deserialization gadgets
 * (commons-collections functors, Groovy runtime, Spring bean factories, c3p0, ...). Every other
 * class is rejected with {@link RejectedClassException}, before any instance of it is created.
 * Pipe ends and queues themselves may always travel inside messages, whatever the rules (their
 * serialized forms are only names and numbers), as CPython lets connections and queues be sent
 * through one another.
 *
 * <p>Patterns use the syntax of {@code jdk.serialFilter}: {@code com.example.Type}, {@code
 * com.example.*} (one package), {@code com.example.**} (a package and its subpackages), or a
 * prefix ending in {@code *}. Rejections win over allowances, which win over the defaults:
 *
 * <pre>{@code
 * SerialFilter strict = SerialFilter.jdkOnly().allow("com.example.model.**");
 * SerialFilter lenient = SerialFilter.defaults().reject("com.example.internal.**");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL)
public final class SerialFilter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final SerialFilter DEFAULTS = new SerialFilter(ClassRules.DEFAULTS);

  private final ClassRules rules;

  private SerialFilter(ClassRules rules) {
    this.rules = rules;
  }

  /** JDK value and collection types, and the application's own serializable classes. */
  public static SerialFilter defaults() {
    return DEFAULTS;
  }

  /** JDK value and collection types only; allow application classes with {@link #allow}. */
  public static SerialFilter jdkOnly() {
    return new SerialFilter(new ClassRules(List.of(), List.of(), true, false));
  }

  /** Nothing but what {@link #allow} adds (and primitives). */
  public static SerialFilter none() {
    return new SerialFilter(new ClassRules(List.of(), List.of(), false, false));
  }

  /**
   * A copy that also allows classes matching {@code pattern}.
   *
   * @throws IllegalArgumentException if the pattern is malformed
   */
  public SerialFilter allow(String pattern) {
    List<String> allow = new ArrayList<>(rules.allow());
    allow.add(pattern);
    return new SerialFilter(new ClassRules(allow, rules.reject(), rules.defaults(),
        rules.application()));
  }

  /**
   * A copy that rejects classes matching {@code pattern}, whatever else allows them.
   *
   * @throws IllegalArgumentException if the pattern is malformed
   */
  public SerialFilter reject(String pattern) {
    List<String> reject = new ArrayList<>(rules.reject());
    reject.add(pattern);
    return new SerialFilter(new ClassRules(rules.allow(), reject, rules.defaults(),
        rules.application()));
  }

  /** Whether these rules let a stream deserialize instances of {@code type}. */
  public boolean permits(Class<?> type) {
    return rules.permits(type);
  }

  ClassRules rules() {
    return rules;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SerialFilter f && f.rules.equals(rules);
  }

  @Override
  public int hashCode() {
    return rules.hashCode();
  }

  @Override
  public String toString() {
    return "SerialFilter" + rules;
  }
}
