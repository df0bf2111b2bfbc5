package dev.interleave.internal.ipc;

import java.time.Duration;

/**
 * Absolute deadlines on the {@link System#nanoTime()} clock, with {@link #NONE} for "no limit"
 * and saturation instead of overflow for very long durations.
 */
public final class Deadlines {
  /** No deadline. */
  public static final long NONE = Long.MAX_VALUE;

  private Deadlines() {}

  /**
   * The deadline {@code timeout} from now; {@link #NONE} for a null timeout.
   *
   * @throws IllegalArgumentException if the timeout is negative
   */
  public static long after(Duration timeout) {
    if (timeout == null) {
      return NONE;
    }
    checkTimeout(timeout);
    long nanos = saturatedNanos(timeout);
    long now = System.nanoTime();
    return nanos >= NONE - now ? NONE : now + nanos;
  }

  /** Rejects a negative timeout with a message showing its value. */
  public static void checkTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout cannot be negative but was: " + timeout);
    }
  }

  /** Nanoseconds left until {@code deadline} (0 when past, {@link #NONE} for none). */
  public static long remaining(long deadline) {
    if (deadline == NONE) {
      return NONE;
    }
    return Math.max(0, deadline - System.nanoTime());
  }

  static boolean passed(long deadline) {
    return deadline != NONE && deadline - System.nanoTime() <= 0;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return NONE;
    }
  }
}
