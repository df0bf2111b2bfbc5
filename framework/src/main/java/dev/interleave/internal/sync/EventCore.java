package dev.interleave.internal.sync;

import dev.interleave.internal.shm.Segment;
import java.util.function.BooleanSupplier;

/**
 * An event flag in shared memory.
 *
 * <pre>
 *   +0  state    int  bit 0: the flag; bits 1..31: how many times it was set (mod 2^31)
 *   +4  waiters  int  threads parked on state
 * </pre>
 */
/* Overview
 *
 * state is also the futex word. set() CASes the flag on and the generation up by one, then
 * wakes every parked waiter; clear() CASes the flag off and leaves the generation. A waiter
 * that found the flag off at state w waits until state != w: from a cleared state the only
 * transition is a set, so any change means the event was set while it waited, and the waiter
 * returns true even if the event was cleared again before it ran (as threading.Event does).
 */
public final class EventCore {
  static final int SIZE = 64;
  private static final int STATE = 0;
  private static final int WAITERS = 4;

  private final SyncSegment sync;
  private final Segment s;
  private final int base = SyncSegment.BODY;
  private final WaitWords words = new WaitWords(base + STATE, base + WAITERS, false);

  public EventCore(SyncSegment sync) {
    this.sync = sync;
    this.s = sync.segment();
  }

  public boolean isSet() {
    return (s.getInt(base + STATE) & 1) != 0;
  }

  /** Sets the flag and wakes every waiter. */
  public void set() {
    while (true) {
      int state = s.getInt(base + STATE);
      if ((state & 1) != 0) {
        return;
      }
      if (s.casInt(base + STATE, state, (state + 2) | 1)) {
        Blocking.wake(s, base + STATE, base + WAITERS, Integer.MAX_VALUE);
        return;
      }
    }
  }

  /** Clears the flag. */
  public void clear() {
    while (true) {
      int state = s.getInt(base + STATE);
      if ((state & 1) == 0 || s.casInt(base + STATE, state, state & ~1)) {
        return;
      }
    }
  }

  /**
   * Waits until the flag is set, at most {@code timeoutNanos} ({@link Timeouts#FOREVER} for no
   * limit); returns whether it was set (or was set during the wait).
   */
  public boolean await(long timeoutNanos) throws InterruptedException {
    int seen = s.getInt(base + STATE);
    if ((seen & 1) != 0) {
      return true;
    }
    return Blocking.await(sync, words, thorough -> s.getInt(base + STATE) != seen, timeoutNanos,
        true);
  }

  /**
   * One wait's attempt for a caller that schedules its own retries (the harness): it succeeds
   * when the flag is set, or once the event was set after the first try, even if it was cleared
   * again before this try, exactly as {@link #await} does. Use a fresh attempt for each wait.
   */
  public BooleanSupplier waitAttempt() {
    return new BooleanSupplier() {
      private int seen;
      private boolean tried;

      @Override
      public boolean getAsBoolean() {
        int state = s.getInt(base + STATE);
        if ((state & 1) != 0 || (tried && state != seen)) {
          return true;
        }
        seen = state;
        tried = true;
        return false;
      }
    };
  }

  /** Wakes every parked waiter (after the primitive was closed). */
  public void wakeAll() {
    Blocking.wakeWord(s, base + STATE, Integer.MAX_VALUE);
  }
}
