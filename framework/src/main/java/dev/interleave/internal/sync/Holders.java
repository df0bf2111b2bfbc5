package dev.interleave.internal.sync;

import dev.interleave.internal.shm.ProcessIdentity;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
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
 * process's start time with the code's (about 40 us, reading /proc); later checks read the
 * process's {@code /proc/<pid>/stat} once and compare its state and its start time in clock
 * ticks with those seen at the first check, so a recycled pid still reads as dead. Waiters make
 * these checks while other processes hold what they wait for, so they are kept to one small
 * read. Where {@code /proc} cannot be read, later checks reuse the {@link ProcessHandle} found
 * at the first one (whose {@code isAlive()} also compares start times) and look for a zombie
 * separately. A zombie (killed, not yet reaped by its parent) counts as dead.
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
  /** The start time (field 22 of /proc/<pid>/stat, clock ticks) of codes verified alive. */
  private static final Map<Long, Long> START_TICKS = new ConcurrentHashMap<>();
  /** {@link #statStartTicks}: no such process, or a zombie. */
  private static final long GONE = -1;
  /** {@link #statStartTicks}: /proc could not be read or parsed. */
  private static final long UNKNOWN = -2;

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
    Long ticks = START_TICKS.get(code);
    if (ticks != null) {
      long now = statStartTicks(pid(code));
      if (now != UNKNOWN) {
        return now == ticks; // GONE, or another start time: the pid was recycled
      }
    }
    ProcessHandle handle = HANDLES.get(code);
    if (handle != null) {
      return handle.isAlive() && !ProcessIdentity.hasExited(handle.pid());
    }
    // read before the full check: if that finds the code's process alive, it held the pid
    // from before the code was stored until after this read, so these are its ticks
    long before = statStartTicks(pid(code));
    if (!identity(code).isAlive()) {
      return false;
    }
    if (START_TICKS.size() > CACHE_LIMIT || HANDLES.size() > CACHE_LIMIT) {
      START_TICKS.clear();
      HANDLES.clear();
    }
    if (before >= 0) {
      START_TICKS.put(code, before);
    } else {
      ProcessHandle.of(pid(code)).ifPresent(h -> HANDLES.put(code, h));
    }
    return true;
  }

  /**
   * The start time of process {@code pid} in clock ticks since boot, from one read of {@code
   * /proc/<pid>/stat}; {@link #GONE} if there is no such process or it is a zombie, {@link
   * #UNKNOWN} if the file cannot be read or parsed (not Linux).
   */
  static long statStartTicks(long pid) {
    byte[] buf = new byte[1024];
    int n = 0;
    try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
      int r;
      while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
        n += r;
      }
    } catch (FileNotFoundException e) { // gone, or not readable (then ask the slow way)
      return !new File("/proc/" + pid).exists() && new File("/proc/self/stat").exists() ? GONE
          : UNKNOWN;
    } catch (IOException e) {
      return UNKNOWN;
    }
    return parseStartTicks(buf, n);
  }

  /** Parses a stat line: {@code pid (comm) state ppid ... starttime ...} (starttime is field 22). */
  static long parseStartTicks(byte[] buf, int n) {
    int close = -1;
    for (int i = n - 1; i >= 0; i--) {
      if (buf[i] == ')') {
        close = i;
        break;
      }
    }
    if (close < 0 || close + 2 >= n) {
      return UNKNOWN;
    }
    byte state = buf[close + 2];
    if (state == 'Z' || state == 'X') {
      return GONE;
    }
    int i = close + 2;
    for (int field = 3; field < 22; field++) { // skip to the start of field 22
      while (i < n && buf[i] != ' ') {
        i++;
      }
      i++;
    }
    long ticks = 0;
    int digits = 0;
    for (; i < n && buf[i] >= '0' && buf[i] <= '9' && digits < 19; i++, digits++) {
      ticks = ticks * 10 + (buf[i] - '0');
    }
    return digits == 0 || (i < n && buf[i] != ' ' && buf[i] != '\n') ? UNKNOWN : ticks;
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
      START_TICKS.remove(code);
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
