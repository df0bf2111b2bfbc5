package dev.interleave.internal.runtime;

import dev.interleave.mp.ProcessInfo;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who this JVM is: the root ({@code MainProcess}) or a child started by the runtime.
 *
 * <p>Child names follow CPython: the n-th process created in the root is {@code Process-n}, the
 * n-th created in {@code Process-1} is {@code Process-1:n}.
 */
public final class ProcessContext {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile ProcessInfo current =
      new ProcessInfo("MainProcess", ProcessHandle.current().pid(), false);
  private static volatile ProcessInfo parent;
  private static volatile String identity = "";

  private ProcessContext() {}

  /** The name of the next process created here. */
  public static String nextChildName() {
    return "Process-" + (identity.isEmpty() ? "" : identity + ":") + COUNTER.incrementAndGet();
  }

  /**
   * Restarts child numbering at {@code Process-1}; the harness does this before each schedule
   * so that every schedule names its processes alike.
   */
  public static void resetChildNames() {
    COUNTER.set(0);
  }

  /** This process. */
  public static ProcessInfo current() {
    return current;
  }

  /** The parent process, empty in the root. */
  public static Optional<ProcessInfo> parent() {
    return Optional.ofNullable(parent);
  }

  /** Whether this JVM was started by the runtime as a child. */
  public static boolean isChild() {
    return parent != null;
  }

  /** Called once by the child bootstrap. */
  static void initChild(ChildSpec spec) {
    current = new ProcessInfo(spec.name(), ProcessHandle.current().pid(), spec.daemon());
    parent = new ProcessInfo(spec.parentName(), spec.parentPid(), false);
    String n = spec.name();
    identity = n.startsWith("Process-") ? n.substring("Process-".length()) : n;
  }
}
