package dev.interleave.internal.runtime;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who this JVM is: the root ({@code MainProcess}) or a child started by the runtime.
 *
 * <p>Child names follow CPython: the n-th process created in the root is {@code Process-n}, the
 * n-th created in {@code Process-1} is {@code Process-1:n}.
 */
public final class ProcessContext {
  /**
   * A process as this JVM knows it.
   *
   * @param name the process name
   * @param pid the operating-system process id
   * @param daemon whether it is daemonic
   */
  public record Who(String name, long pid, boolean daemon) {}

  private static final int AUTHKEY_BYTES = 32;
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile byte[] authkey;
  private static volatile Who current =
      new Who("MainProcess", ProcessHandle.current().pid(), false);
  private static volatile Who parent;
  private static volatile String identity = "";

  private static final java.util.List<Runnable> REUSE_HOOKS =
      new java.util.concurrent.CopyOnWriteArrayList<>();

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

  /**
   * Registers what a JVM must forget of the process it ran before it runs another (a harness
   * worker runs many processes, one after another).
   */
  public static void onReuse(Runnable forget) {
    REUSE_HOOKS.add(forget);
  }

  /** Runs the hooks of {@link #onReuse}: this JVM is about to run a new process. */
  public static void reused() {
    for (Runnable r : REUSE_HOOKS) {
      r.run();
    }
  }

  /** This process. */
  public static Who current() {
    return current;
  }

  /** The parent process, empty in the root. */
  public static Optional<Who> parent() {
    return Optional.ofNullable(parent);
  }

  /** Whether this JVM was started by the runtime as a child. */
  public static boolean isChild() {
    return parent != null;
  }

  /**
   * This process's authentication key: 32 random bytes in the root, inherited by children (a
   * process object carries its parent's key to its child). Returns a copy.
   */
  public static byte[] authkey() {
    byte[] key = authkey;
    if (key == null) {
      synchronized (ProcessContext.class) {
        if (authkey == null) {
          authkey = randomKey();
        }
        key = authkey;
      }
    }
    return key.clone();
  }

  /** Sets this process's authentication key (a copy of {@code key}). */
  public static void authkey(byte[] key) {
    authkey = key.clone();
  }

  private static byte[] randomKey() {
    byte[] key = new byte[AUTHKEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** Called once by the child bootstrap. */
  static void initChild(ChildSpec spec) {
    current = new Who(spec.name(), ProcessHandle.current().pid(), spec.daemon());
    parent = new Who(spec.parentName(), spec.parentPid(), false);
    String n = spec.name();
    identity = n.startsWith("Process-") ? n.substring("Process-".length()) : n;
  }
}
