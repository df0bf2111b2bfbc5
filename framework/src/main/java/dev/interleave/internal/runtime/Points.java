package dev.interleave.internal.runtime;

import java.util.function.BooleanSupplier;

/**
 * The one hook every runtime operation calls.
 *
 * <p>Outside a harness no handler is installed and a point is one read of a static field that
 * stays null (the JIT folds the check into the fast path). A harness installs a {@link
 * PointHandler} once per JVM, before user code runs.
 */
public final class Points {
  private static volatile PointHandler handler;

  private Points() {}

  /** Installs the handler for this JVM; {@code null} removes it. */
  public static void install(PointHandler h) {
    handler = h;
  }

  /** The installed handler, or null. */
  public static PointHandler handler() {
    return handler;
  }

  /** A scheduling point before {@code op} on {@code object}. */
  public static void point(Op op, String object, String label) {
    PointHandler h = handler;
    if (h != null && !MACHINERY.get()) {
      h.point(op, object, label);
    }
  }

  /** Threads of the runtime's own machinery; see {@link #markMachinery()}. */
  private static final ThreadLocal<Boolean> MACHINERY = ThreadLocal.withInitial(() -> false);

  /**
   * Marks the calling thread as the runtime's own machinery (a manager's server, the helper
   * that carries a proxy's call): the points it reaches are not the program's (the operation it
   * serves was the scheduling point), so they are not reported to the handler.
   */
  public static void markMachinery() {
    MACHINERY.set(true);
  }

  /** Whether blocking operations must go through {@link #await}. */
  public static boolean controlled() {
    PointHandler h = handler;
    return h != null && h.controlsBlocking();
  }

  /** Runs a blocking operation under control; see {@link PointHandler#await}. */
  public static boolean await(Op op, String object, String label, BooleanSupplier attempt,
      long timeoutNanos, String holder) throws InterruptedException {
    return handler.await(op, object, label, attempt, timeoutNanos, holder);
  }

  /** Runs a blocking operation under control; see {@link PointHandler#awaitHeld}. */
  public static boolean awaitHeld(Op op, String object, String label, BooleanSupplier attempt,
      long timeoutNanos, java.util.function.Supplier<String> holder) throws InterruptedException {
    return handler.awaitHeld(op, object, label, attempt, timeoutNanos, holder);
  }

  /** Sleeps for {@code nanos}: for real, or in virtual time under control. */
  public static void sleep(long nanos) throws InterruptedException {
    PointHandler h = handler;
    if (h != null) {
      h.sleep(nanos);
    } else if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }
  }
}
