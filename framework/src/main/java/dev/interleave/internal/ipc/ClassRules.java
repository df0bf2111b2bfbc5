package dev.interleave.internal.ipc;

import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Which classes a frame may name, as rules carried with every pipe, queue and connection so that
 * each process deserializes with the same filter.
 *
 * <p>Order of decision: a class matching a {@code reject} pattern is rejected; one matching an
 * {@code allow} pattern, a primitive, or one of the {@link #HANDLES} is allowed; then, when
 * {@code defaults} is set: the JDK value
 * and collection types of {@link #JDK_ALLOWED}; and serializable classes defined by an
 * application class loader (not the JDK's) that are neither dynamic proxies nor in a package of
 * {@link #GADGETS}, the libraries whose classes are known deserialization gadgets. Anything else is
 * rejected. Arrays are judged by their element class. Patterns use {@code jdk.serialFilter}'s
 * syntax: {@code a.b.C}, {@code a.b.*} (the package), {@code a.b.**} (and its subpackages), {@code
 * a.b.C*} (a prefix).
 *
 * @param allow patterns always allowed (after rejections)
 * @param reject patterns always rejected
 * @param defaults whether the default rules apply after the patterns
 * @param application whether the default rules allow the application's own classes
 */
public record ClassRules(List<String> allow, List<String> reject, boolean defaults,
    boolean application) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** JDK packages and classes whose serializable types are plain values or collections. */
  static final List<String> JDK_ALLOWED = List.of("java.lang.*", "java.lang.invoke.SerializedLambda",
      "java.util.**", "java.time.**", "java.math.*", "java.net.URI", "java.io.File");

  /** Libraries with well-known gadget classes, rejected even when the application ships them. */
  static final List<String> GADGETS = List.of("org.apache.commons.collections.functors.*",
      "org.apache.commons.collections4.functors.*", "org.apache.commons.beanutils.**",
      "org.codehaus.groovy.runtime.**", "org.springframework.beans.factory.**",
      "org.springframework.aop.**", "com.mchange.v2.c3p0.**", "org.apache.xalan.**",
      "bsh.**", "org.python.core.**", "clojure.**", "com.sun.rowset.**",
      "org.hibernate.engine.spi.*", "com.rometools.rome.feed.impl.*", "net.sf.json.**");

  /**
   * The stand-ins of pipe ends and queues, always allowed so that they can travel inside
   * messages (as CPython lets a connection or a queue be sent through another): they hold only
   * names and numbers, and reopen what they name.
   */
  static final List<String> HANDLES = List.of("dev.interleave.mp.Connection$SerialForm",
      "dev.interleave.mp.Connection", "dev.interleave.mp.Queue", "dev.interleave.mp.JoinableQueue",
      "dev.interleave.mp.SimpleQueue",
      "dev.interleave.mp.QueueSerialForm", "dev.interleave.mp.QueueSerialForm$Kind",
      "dev.interleave.internal.ipc.RingChannel$RingHandle",
      "dev.interleave.internal.ipc.QueueChannel$Handle", "dev.interleave.internal.ipc.ClassRules",
      "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12",
      "java.util.CollSer", "java.lang.Object", "java.lang.Enum");

  /** The default rules: JDK values and collections, and the application's classes. */
  public static final ClassRules DEFAULTS = new ClassRules(List.of(), List.of(), true, true);

  public ClassRules {
    allow = List.copyOf(allow);
    reject = List.copyOf(reject);
    for (String p : allow) {
      checkPattern(p);
    }
    for (String p : reject) {
      checkPattern(p);
    }
  }

  /** Whether {@code type} may be deserialized. */
  public boolean permits(Class<?> type) {
    Class<?> c = type;
    while (c.isArray()) {
      c = c.getComponentType();
    }
    String name = c.getName();
    if (matchesAny(reject, name)) {
      return false;
    }
    if (matchesAny(allow, name) || c.isPrimitive() || HANDLES.contains(name)) {
      return true;
    }
    return defaults && byDefault(c, name);
  }

  private boolean byDefault(Class<?> c, String name) {
    if (matchesAny(JDK_ALLOWED, name)) {
      return true;
    }
    ClassLoader loader = c.getClassLoader();
    boolean fromJdk = loader == null || loader == ClassLoader.getPlatformClassLoader();
    return application && !fromJdk && !Proxy.isProxyClass(c) && !matchesAny(GADGETS, name);
  }

  /** A fresh filter for one stream, remembering the first class it rejected. */
  Filter filter() {
    return new Filter(this);
  }

  static boolean matchesAny(List<String> patterns, String name) {
    for (String p : patterns) {
      if (matches(p, name)) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(String pattern, String name) {
    if (pattern.endsWith(".**")) {
      String pkg = pattern.substring(0, pattern.length() - 2);
      return name.startsWith(pkg);
    }
    if (pattern.endsWith(".*")) {
      String pkg = pattern.substring(0, pattern.length() - 1);
      return name.startsWith(pkg) && name.indexOf('.', pkg.length()) < 0;
    }
    if (pattern.endsWith("*")) {
      return name.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return name.equals(pattern);
  }

  private static void checkPattern(String p) {
    String stem = p == null ? "" : p.endsWith(".**") ? p.substring(0, p.length() - 3)
        : p.endsWith("*") ? p.substring(0, p.length() - 1) : p;
    if (p == null || p.isBlank() || stem.indexOf('*') >= 0) {
      throw new IllegalArgumentException("class pattern must be a name, a.b.*, a.b.** or a"
          + " prefix*, but was: " + p);
    }
  }

  /** The filter of one stream. */
  static final class Filter implements ObjectInputFilter {
    private final ClassRules rules;
    private String rejected;

    Filter(ClassRules rules) {
      this.rules = rules;
    }

    @Override
    public Status checkInput(FilterInfo info) {
      Class<?> c = info.serialClass();
      if (c == null || rules.permits(c)) {
        return Status.ALLOWED;
      }
      if (rejected == null) {
        rejected = c.getName();
      }
      return Status.REJECTED;
    }

    String rejected() {
      return rejected;
    }
  }
}
