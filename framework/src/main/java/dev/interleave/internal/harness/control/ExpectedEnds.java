package dev.interleave.internal.harness.control;

import java.util.List;
import java.util.Set;

/**
 * The ends of processes a scenario declared expected ({@code Scenario.allowException} and
 * {@code allowExitCode}): such an end is no finding. Exit code 0 is always expected.
 *
 * @param exceptions the exception types (with their subtypes) a process may end by
 * @param exitCodes the non-zero exit codes a process may end with
 */
record ExpectedEnds(List<Class<? extends Throwable>> exceptions, Set<Integer> exitCodes) {
  /** Nothing declared: every uncaught exception and non-zero exit is a finding. */
  static final ExpectedEnds NONE = new ExpectedEnds(List.of(), Set.of());

  ExpectedEnds {
    exceptions = List.copyOf(exceptions);
    exitCodes = Set.copyOf(exitCodes);
  }

  /** Whether a process may end by throwing {@code t}. */
  boolean allowsException(Throwable t) {
    return t != null && allowsException(t.getClass());
  }

  /**
   * Whether a process may end by throwing an exception of the class named {@code className}
   * (as a worker reports it); a class this JVM cannot load matches only by name.
   */
  boolean allowsException(String className) {
    try {
      Class<?> c = Class.forName(className, false, ExpectedEnds.class.getClassLoader());
      return allowsException(c);
    } catch (ClassNotFoundException | LinkageError e) {
      return exceptions.stream().anyMatch(x -> x.getName().equals(className));
    }
  }

  private boolean allowsException(Class<?> type) {
    return exceptions.stream().anyMatch(x -> x.isAssignableFrom(type));
  }

  /** Whether a process may exit with {@code code}. */
  boolean allowsExitCode(int code) {
    return code == 0 || exitCodes.contains(code);
  }
}
