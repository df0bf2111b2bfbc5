package dev.interleave.internal.sync;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the primitives: timeouts and counts. */
public final class Timeouts {
  /** A timeout meaning "wait forever" in the {@code *Nanos} methods of the cores. */
  public static final long FOREVER = -1;

  private Timeouts() {}

  /**
   * Converts a timeout to nanoseconds, saturating at {@link Long#MAX_VALUE}.
   *
   * @throws IllegalArgumentException if it is negative
   * @throws NullPointerException if it is null
   */
  public static long toNanos(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be >= 0 but was: " + timeout);
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Checks a count argument.
   *
   * @throws IllegalArgumentException "{@code name} must be >= {@code min} but was: {@code value}"
   */
  public static int atLeast(String name, int min, int value) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + " but was: " + value);
    }
    return value;
  }

  /** The deadline {@code timeoutNanos} from {@code now}; {@link Long#MAX_VALUE}-safe. */
  static long deadline(long now, long timeoutNanos) {
    if (timeoutNanos < 0) {
      return Long.MAX_VALUE;
    }
    long d = now + timeoutNanos;
    return d < now ? Long.MAX_VALUE : d;
  }

  /** Nanoseconds left until {@code deadline}, or {@link #FOREVER} for no deadline. */
  static long left(long deadline) {
    return deadline == Long.MAX_VALUE ? FOREVER : Math.max(0, deadline - System.nanoTime());
  }
}
