package dev.interleave.internal.ipc;

import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Which classes a frame may name: the rules of the process that receives (they are not sent with
 * pipe ends or queues; {@link #processDefault()} governs handles that arrive).
 *
 * <p>Order of decision: a class matching a {@code reject} pattern is rejected; one matching an
 * {@code allow} pattern, a primitive, or one of the {@link #HANDLES} is allowed, and so is every
 * class when {@code everything} is set; then, when {@code defaults} is set: the JDK value and
 * collection types of {@link #JDK_ALLOWED}; dynamic proxies and
 * the packages of {@link #GADGETS}, the libraries whose classes are known deserialization
 * gadgets, are rejected; records and enums of a class loader other than the JDK's are allowed,
 * and so, when {@code application} is set, are the {@link ApplicationCode application's own}
 * classes and this runtime's ({@link #RUNTIME}). Anything else is rejected. Arrays are judged
 * by their element class. Patterns use
 * {@code jdk.serialFilter}'s syntax: {@code a.b.C}, {@code a.b.*} (the package), {@code a.b.**}
 * (and its subpackages), {@code a.b.C*} (a prefix).
 *
 * @param allow patterns always allowed (after rejections)
 * @param reject patterns always rejected
 * @param defaults whether the default rules apply after the patterns
 * @param application whether the default rules allow the application's own classes
 * @param everything whether every class not rejected by a pattern is allowed
 */
public record ClassRules(List<String> allow, List<String> reject, boolean defaults,
    boolean application, boolean everything) implements Serializable {
  private static final long serialVersionUID = 2L;

  /** System property: comma-separated patterns every process's default rules also allow. */
  public static final String ALLOW_PROPERTY = "interleave.serialFilter.allow";
  /** System property: {@code true} makes the default rules allow every class (trusted peers). */
  public static final String TRUST_ALL_PROPERTY = "interleave.serialFilter.trustAll";
  /** System property: the deepest nesting of objects a stream may have (default 500). */
  public static final String MAX_DEPTH_PROPERTY = "interleave.serialFilter.maxDepth";
  /** Hash-based collections nested deeper than this are rejected (their hashing is exponential). */
  static final int MAX_HASH_NESTING = 12;

  /** JDK packages and classes whose serializable types are plain values or collections. */
  static final List<String> JDK_ALLOWED = List.of("java.lang.*", "java.lang.invoke.SerializedLambda",
      "java.util.*", "java.util.concurrent.*", "java.util.concurrent.atomic.*",
      "java.util.regex.Pattern", "java.time.**", "java.math.*", "java.net.URI", "java.io.File",
      "java.io.IOException", "java.io.UncheckedIOException", "java.io.FileNotFoundException",
      "java.io.EOFException");

  /** This runtime's own classes (exceptions, handles), allowed with the application's. */
  static final String RUNTIME = "dev.interleave.";

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

  /** The default rules: JDK values and collections, records, and the application's classes. */
  public static final ClassRules DEFAULTS = new ClassRules(List.of(), List.of(), true, true, false);

  /** Rules that allow every class: for peers trusted as much as this process's own code. */
  public static final ClassRules EVERYTHING = new ClassRules(List.of(), List.of(), true, true,
      true);

  /**
   * This process's default rules, which govern every connection and queue handle it receives
   * from another process: {@link #DEFAULTS} plus the patterns of {@link #ALLOW_PROPERTY}, or
   * {@link #EVERYTHING} when {@link #TRUST_ALL_PROPERTY} is {@code true}. Children inherit the
   * properties; they are read on each call (a warm JVM receives its parent's on each task).
   */
  public static ClassRules processDefault() {
    if (Boolean.getBoolean(TRUST_ALL_PROPERTY)) {
      return EVERYTHING;
    }
    String allow = System.getProperty(ALLOW_PROPERTY, "");
    List<String> patterns = java.util.Arrays.stream(allow.split(",")).map(String::trim)
        .filter(p -> !p.isEmpty()).toList();
    return patterns.isEmpty() ? DEFAULTS : new ClassRules(patterns, List.of(), true, true, false);
  }

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
    if (everything || matchesAny(allow, name) || c.isPrimitive() || HANDLES.contains(name)) {
      return true;
    }
    return defaults && byDefault(c, name);
  }

  private boolean byDefault(Class<?> c, String name) {
    if (matchesAny(JDK_ALLOWED, name)) {
      return true;
    }
    if (Proxy.isProxyClass(c) || matchesAny(GADGETS, name)) {
      return false;
    }
    ClassLoader loader = c.getClassLoader();
    boolean fromJdk = loader == null || loader == ClassLoader.getPlatformClassLoader();
    if (fromJdk) {
      return false;
    }
    return c.isRecord() || c.isEnum()
        || application && (name.startsWith(RUNTIME) || ApplicationCode.contains(c));
  }

  /** A fresh filter for one stream of {@code length} bytes, remembering what it rejected. */
  Filter filter(int length) {
    return new Filter(this, length);
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

  /**
   * The filter of one stream: the class rules, and limits that no honest stream of its length
   * can reach (an array or a count of references longer than the stream's bytes), a depth limit
   * ({@link #MAX_DEPTH_PROPERTY}, default 500) and {@link #MAX_HASH_NESTING} hash-based
   * collections inside one another at most, which fail fast on streams built to exhaust memory
   * or time. Rules that allow everything keep only the limits of length.
   */
  static final class Filter implements ObjectInputFilter {
    private static final int MAX_DEPTH = Integer.getInteger(MAX_DEPTH_PROPERTY, 500);

    private final ClassRules rules;
    private final int length;
    private int[] hashNesting = new int[16]; // grows with the depth seen
    private String rejected;

    Filter(ClassRules rules, int length) {
      this.rules = rules;
      this.length = length;
    }

    @Override
    public Status checkInput(FilterInfo info) {
      String why = limitBroken(info);
      Class<?> c = info.serialClass();
      if (why == null && c != null && !rules.permits(c)) {
        why = "class " + c.getName() + " is not allowed by the deserialization filter; it was"
            + " not instantiated";
      }
      if (why == null) {
        return Status.ALLOWED;
      }
      if (rejected == null) {
        rejected = why;
      }
      return Status.REJECTED;
    }

    private String limitBroken(FilterInfo info) {
      String why = limitOfLength(info);
      return why == null ? null : "message rejected by the deserialization filter: " + why;
    }

    private String limitOfLength(FilterInfo info) {
      if (info.arrayLength() > length) {
        return "an array of " + info.arrayLength() + " elements in a message of " + length
            + " bytes";
      }
      if (info.references() > length) {
        return "more object references than the message's " + length + " bytes";
      }
      if (rules.everything()) {
        return null;
      }
      long depth = info.depth();
      if (depth > MAX_DEPTH) {
        return "objects nested deeper than " + MAX_DEPTH + " (system property "
            + MAX_DEPTH_PROPERTY + ")";
      }
      int d = (int) depth;
      if (d >= hashNesting.length) {
        hashNesting = java.util.Arrays.copyOf(hashNesting, Math.max(d + 1, 2 * hashNesting.length));
      }
      hashNesting[d] = (d > 0 ? hashNesting[d - 1] : 0) + (isHashTable(info.serialClass()) ? 1 : 0);
      if (hashNesting[d] > MAX_HASH_NESTING) {
        return "hash-based collections nested more than " + MAX_HASH_NESTING + " deep";
      }
      return null;
    }

    /** HashMap, HashSet and Hashtable check an array of entries as they read their size. */
    private static boolean isHashTable(Class<?> c) {
      return c == java.util.Map.Entry[].class;
    }

    /** What was rejected first: a class, or a limit passed; null if nothing. */
    String rejected() {
      return rejected;
    }
  }
}
