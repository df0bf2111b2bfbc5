package dev.interleave.internal.runtime;

import java.util.function.BooleanSupplier;

/**
 * What a scheduling point does when a harness is attached to this JVM.
 *
 * <p>Installed once per JVM through {@link Points#install}; without one every point is a single
 * null check.
 */
public interface PointHandler {

  /**
   * Called before a non-blocking operation (or an attempt of a blocking one); under control it
   * returns only when this process may proceed.
   *
   * @param op the operation
   * @param object a stable id of the object operated on, the same in every process (may be null)
   * @param label a human label for reports (may be null)
   */
  void point(Op op, String object, String label);

  /**
   * Whether blocking operations must be run through {@link #await} instead of blocking for
   * real (true under controlled scheduling, where only one process runs at a time).
   */
  boolean controlsBlocking();

  /**
   * Runs a blocking operation under control: tries {@code attempt} when scheduled; while it
   * fails, reports this process blocked on {@code object} and waits to be scheduled again.
   *
   * @param timeoutNanos the operation's timeout in (virtual) nanoseconds, negative for none
   * @param holder who holds {@code object}, for wait-for graphs (may be null)
   * @return whether the attempt succeeded before the timeout
   */
  boolean await(Op op, String object, String label, BooleanSupplier attempt, long timeoutNanos,
      String holder) throws InterruptedException;

  /**
   * {@link #await}, for an operation whose holder changes while it waits (a mutex): {@code
   * holder} is asked each time the operation blocks, so a wait-for graph names the holder that
   * actually blocks it.
   */
  default boolean awaitHeld(Op op, String object, String label, BooleanSupplier attempt,
      long timeoutNanos, java.util.function.Supplier<String> holder)
      throws InterruptedException {
    return await(op, object, label, attempt, timeoutNanos, holder.get());
  }

  /** A sleep: under control it advances virtual time instead of sleeping. */
  void sleep(long nanos) throws InterruptedException;
}
