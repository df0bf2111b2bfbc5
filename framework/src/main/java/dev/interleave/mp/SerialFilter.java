package dev.interleave.mp;

import dev.interleave.internal.ipc.ClassRules;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Which classes a {@link Connection} or queue handle may deserialize: an immutable set of rules,
 * applied by the process that receives. Rules do not travel: a pipe end or queue passed to
 * another process (as a {@link Process} argument or inside a message) is reopened there with
 * that process's {@link #defaults()}, so a sender can never loosen what a receiver accepts.
 *
 * <p>{@link #defaults()} is an allow-list: primitives; the JDK's value and collection types
 * ({@code java.lang.*}, {@code java.util.*}, {@code java.util.concurrent.*} and its atomics,
 * {@code java.util.regex.Pattern}, {@code java.time.**}, {@code java.math.*}, {@code
 * java.net.URI}, {@code java.io.File}, serialized lambdas) and arrays of them; records and enums
 * of any class loader but the JDK's; and the application's own serializable classes, those loaded
 * from a directory (a build's output) or from the jar of the program's main class. Libraries'
 * classes (other jars) are not allowed unless named in the system property {@code
 * interleave.serialFilter.allow} (comma-separated patterns, which every process adds to its
 * defaults) or with {@link #allow}. Dynamic proxies and libraries with known deserialization
 * gadgets (commons-collections functors, Groovy runtime, Spring bean factories, c3p0, ...) are
 * rejected even when they would otherwise be allowed. The one switch that allows every class is
 * the system property {@code interleave.serialFilter.trustAll=true}, for peers as trusted as the
 * process's own code. Children inherit these properties.
 *
 * <p>Every stream is also held to limits: an array or a count of references longer than the
 * message's bytes (which no honest stream has, and which would otherwise allocate gigabytes from a
 * few bytes), objects nested deeper than 500 (system property {@code
 * interleave.serialFilter.maxDepth}), and hash-based collections nested more than 12 deep (whose
 * hashing time doubles with each level); the trust-all switch keeps only the first. A rejected
 * message fails with {@link RejectedClassException} naming the class or the limit, before any
 * instance of a rejected class is created; the connection or queue stays usable. Pipe ends and
 * queues themselves may always travel inside messages (their serialized forms are only names and
 * numbers), as CPython lets connections and queues be sent through one another.
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

  private final ClassRules rules;

  private SerialFilter(ClassRules rules) {
    this.rules = rules;
  }

  /**
   * This process's default rules: JDK value and collection types, records, enums, the
   * application's own serializable classes, and what the system properties add (see above).
   */
  public static SerialFilter defaults() {
    return new SerialFilter(ClassRules.processDefault());
  }

  /** JDK value and collection types only; allow application classes with {@link #allow}. */
  public static SerialFilter jdkOnly() {
    return new SerialFilter(new ClassRules(List.of(), List.of(), true, false, false));
  }

  /** Nothing but what {@link #allow} adds (and primitives). */
  public static SerialFilter none() {
    return new SerialFilter(new ClassRules(List.of(), List.of(), false, false, false));
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
        rules.application(), rules.everything()));
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
        rules.application(), rules.everything()));
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
