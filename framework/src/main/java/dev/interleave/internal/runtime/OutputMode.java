package dev.interleave.internal.runtime;

/**
 * Whether a child's stdout is inherited (the default, as CPython's children share the parent's
 * file descriptor) or copied by a pump thread into {@link System#out}.
 *
 * <p>{@code interleave.childOutput=inherit|pump} decides; without it, stdout is pumped only in a
 * Maven Surefire fork, whose {@code System.out} captures test output in-process and whose file
 * descriptor 1 is its channel to Maven.
 */
final class OutputMode {
  private OutputMode() {}

  static boolean pumpStdout() {
    String mode = System.getProperty("interleave.childOutput");
    if (mode != null) {
      return switch (mode) {
        case "pump" -> true;
        case "inherit" -> false;
        default -> throw new IllegalArgumentException(
            "interleave.childOutput must be inherit or pump but was: " + mode);
      };
    }
    return System.getProperty("surefire.real.class.path") != null
        || System.getProperty("surefire.test.class.path") != null;
  }
}
