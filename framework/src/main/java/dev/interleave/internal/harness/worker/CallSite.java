package dev.interleave.internal.harness.worker;

import java.util.Optional;

/** The first stack frame outside the framework, as {@code File.java:12}, for reports. */
final class CallSite {
  private static final StackWalker WALKER = StackWalker.getInstance();

  private CallSite() {}

  static String here() {
    Optional<StackWalker.StackFrame> frame = WALKER.walk(s -> s
        .filter(f -> !isFramework(f.getClassName()))
        .findFirst());
    return frame.map(f -> (f.getFileName() == null ? f.getClassName() : f.getFileName())
        + ":" + f.getLineNumber()).orElse(null);
  }

  static boolean isFramework(String className) {
    if (className.startsWith("dev.interleave.") && isTest(className)) {
      return false; // the framework's own tests are user code here
    }
    return className.startsWith("dev.interleave.internal.")
        || className.startsWith("org.junit.")
        || className.startsWith("dev.interleave.mp.")
        || className.startsWith("dev.interleave.harness.")
        || className.startsWith("java.")
        || className.startsWith("jdk.")
        || className.startsWith("sun.");
  }

  private static boolean isTest(String className) {
    String top = className.contains("$") ? className.substring(0, className.indexOf('$'))
        : className;
    return top.endsWith("Test") || top.endsWith("Tests") || top.endsWith("Fixtures")
        || top.endsWith("Counters");
  }
}
