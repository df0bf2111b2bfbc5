package dev.interleave.internal.sync;

import java.util.concurrent.atomic.LongAdder;

/**
 * This JVM's counts of parked waits on the primitives, for benchmarks and diagnosis: how often a
 * waiter parked, and how often it woke to find the primitive taken again (a "futile" wake-up:
 * another process got there first, typically the one that just released it and came back at
 * once). Counting costs an uncontended add per park, next to a system call.
 */
public final class WaitStats {
  static final LongAdder PARKS = new LongAdder();
  static final LongAdder FUTILE = new LongAdder();

  private WaitStats() {}

  /** Parks so far (each a futex wait of at most one slice). */
  public static long parks() {
    return PARKS.sum();
  }

  /** Parks after which the waiter's try failed and it had to wait again. */
  public static long futileWakeUps() {
    return FUTILE.sum();
  }
}
