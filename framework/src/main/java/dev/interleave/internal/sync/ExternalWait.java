package dev.interleave.internal.sync;

import java.util.function.BooleanSupplier;

/**
 * A wait performed by someone else than the core (a controlling scheduler), for primitives whose
 * blocking operation has several steps.
 */
@FunctionalInterface
public interface ExternalWait {
  /**
   * Waits until {@code done} returns true, at most {@code timeoutNanos} ({@link
   * Timeouts#FOREVER} for no limit); returns whether it did.
   */
  boolean await(BooleanSupplier done, long timeoutNanos) throws InterruptedException;
}
