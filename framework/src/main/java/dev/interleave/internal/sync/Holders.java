package dev.interleave.internal.sync;

import dev.interleave.internal.shm.ProcessIdentity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holder codes: a process identity packed into one positive {@code long}, so that a holder is
 * recorded with a single compare-and-set.
 *
 * <pre>
 *   63  62                                    23 22                 0
 *  +---+----------------------------------------+--------------------+
 *  | 0 | start time, ms since 2020-01-01 (40 b) | pid (23 bits)      |
 *  +---+----------------------------------------+--------------------+
 * </pre>
 *
 * <p>40 bits of milliseconds last until 2054; Linux pids are below 2^22. A start time that is
 * unknown or out of range is stored as 0 and the process is then matched by pid alone. Code 0
 * means "nobody".
 *
 * <p>Liveness answers are cached briefly: a holder seen alive is not re-checked for {@value
 * #ALIVE_TTL_NANOS} ns, and a dead one stays dead. The first check of a code compares the
 * process's start time with the code's (about 40 us, reading /proc); later checks reuse the
 * {@link ProcessHandle} found then, whose {@code isAlive()} also compares start times, so a
 * recycled pid still reads as dead (about 10 us). A zombie (killed, not yet reaped by its
 * parent) counts as dead.
 */
final class Holders {
  private static final long EPOCH_MILLIS = 1_577_836_800_000L; // 2020-01-01T00:00:00Z
  private static final int PID_BITS = 23;
  private static final long PID_MASK = (1L << PID_BITS) - 1;
  private static final long START_LIMIT = 1L << 40;
  static final long ALIVE_TTL_NANOS = 2_000_000L;
  private static final int CACHE_LIMIT = 4096;

  private static final long SELF = code(ProcessIdentity.current());
  private static final Map<Long, Long> ALIVE_AT = new ConcurrentHashMap<>();
  private static final Map<Long, Boolean> DEAD = new ConcurrentHashMap<>();
  private static final Map<Long, ProcessHandle> HANDLES = new ConcurrentHashMap<>();

  private Holders() {}

  /** This process's code. */
  static long self() {
    return SELF;
  }

  /** Packs {@code id}; fails clearly for a pid that does not fit. */
  static long code(ProcessIdentity id) {
    if (id.pid() <= 0 || id.pid() > PID_MASK) {
      throw new IllegalStateException("process id out of the supported range 1.."
          + PID_MASK + ": " + id.pid());
    }
    long start = id.startMillis() - EPOCH_MILLIS;
    if (id.startMillis() == 0 || start <= 0 || start >= START_LIMIT) {
      start = 0;
    }
    return (start << PID_BITS) | id.pid();
  }

  /** Unpacks a non-zero code. */
  static ProcessIdentity identity(long code) {
    long start = code >>> PID_BITS;
    return new ProcessIdentity(code & PID_MASK, start == 0 ? 0 : start + EPOCH_MILLIS);
  }

  static long pid(long code) {
    return code & PID_MASK;
  }

  /** A human description of a holder code, such as {@code pid 1234}. */
  static String describe(long code) {
    return code == 0 ? "nobody" : "pid " + pid(code);
  }

  /** Whether the process behind {@code code} (non-zero) has exited. */
  static boolean isDead(long code) {
    if (code == SELF) {
      return false;
    }
    if (DEAD.containsKey(code)) {
      return true;
    }
    long now = System.nanoTime();
    Long seen = ALIVE_AT.get(code);
    if (seen != null && now - seen < ALIVE_TTL_NANOS) {
      return false;
    }
    boolean alive = isAlive(code);
    remember(code, alive, now);
    return !alive;
  }

  private static boolean isAlive(long code) {
    ProcessHandle handle = HANDLES.get(code);
    if (handle != null) {
      return handle.isAlive() && !ProcessIdentity.hasExited(handle.pid());
    }
    if (!identity(code).isAlive()) {
      return false;
    }
    if (HANDLES.size() > CACHE_LIMIT) {
      HANDLES.clear();
    }
    ProcessHandle.of(pid(code)).ifPresent(h -> HANDLES.put(code, h));
    return true;
  }

  private static void remember(long code, boolean alive, long now) {
    if (ALIVE_AT.size() > CACHE_LIMIT) {
      ALIVE_AT.clear();
    }
    if (alive) {
      ALIVE_AT.put(code, now);
    } else {
      ALIVE_AT.remove(code);
      HANDLES.remove(code);
      if (DEAD.size() > CACHE_LIMIT) {
        DEAD.clear();
      }
      DEAD.put(code, Boolean.TRUE);
    }
  }

  /** The calling thread's id, as stored beside a holder code. */
  @SuppressWarnings("deprecation") // Thread.threadId() needs Java 19
  static long threadId() {
    return Thread.currentThread().getId();
  }
}
