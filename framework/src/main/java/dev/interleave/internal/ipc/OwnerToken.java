package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.ProcessIdentity;
import java.util.Optional;

/**
 * A process packed into one 64-bit word, so that a lock or a slot can name its holder with a
 * single compare-and-set: the pid in the high 32 bits, the low 32 bits of the start instant (epoch
 * milliseconds) in the low ones. Zero means "nobody".
 */
final class OwnerToken {
  /** Start instants are rounded to clock ticks; as {@link ProcessIdentity#isAlive()}. */
  private static final long TOLERANCE_MILLIS = 10;

  private static final long SELF = of(ProcessIdentity.current());

  private OwnerToken() {}

  /** The token of this JVM's process. */
  static long self() {
    return SELF;
  }

  static long of(ProcessIdentity id) {
    return (id.pid() << 32) | (id.startMillis() & 0xFFFF_FFFFL);
  }

  static long pid(long token) {
    return token >>> 32;
  }

  /**
   * Whether the process named by {@code token} still runs: a recycled pid does not count, nor
   * does a process killed but not yet reaped by its parent (a zombie).
   */
  static boolean isAlive(long token) {
    if (token == 0) {
      return false;
    }
    if (token == SELF) {
      return true;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid(token));
    if (handle.isEmpty() || !handle.get().isAlive() || ProcessIdentity.hasExited(pid(token))) {
      return false;
    }
    long start = handle.get().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    if (start == 0 || (token & 0xFFFF_FFFFL) == 0) {
      return true;
    }
    int diff = (int) ((start & 0xFFFF_FFFFL) - (token & 0xFFFF_FFFFL));
    return Math.abs(diff) <= TOLERANCE_MILLIS;
  }

  static String describe(long token) {
    return token == 0 ? "nobody" : "pid " + pid(token);
  }
}
