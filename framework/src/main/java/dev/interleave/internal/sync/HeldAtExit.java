package dev.interleave.internal.sync;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What a process still holds when it exits normally: it keeps it, as in CPython.
 *
 * <p>A {@code Lock}, {@code RLock} or semaphore permit held by a process that exits normally
 * (its {@code run} returned or threw, or it called {@code System.exit}) stays taken: a waiter
 * does not take it over, and a warning on stderr names the process and the primitive. Only a
 * holder that died without exiting (killed by a signal, crashed) is recovered from. This class
 * marks what this process holds at its exit: from a shutdown hook when the JVM exits, and when a
 * task run by a reused JVM (a harness worker) ends, through {@link #keepHeld}.
 *
 * <p>Primitives are tracked weakly: one whose every object in this process was collected while
 * held is not marked, and is then recovered from as from a dead holder.
 */
public final class HeldAtExit {
  /** A primitive that a process can hold at its exit. */
  interface Keepable {
    /**
     * Marks it kept if this process holds it.
     *
     * @return what stays taken, for the warning, or null if this process held nothing
     */
    String keepIfHeld();

    /** Whether it was closed (by any process): it can never be held again. */
    boolean isClosed();
  }

  private static final Set<Keepable> TRACKED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private static volatile String processName = "MainProcess";
  private static volatile boolean hookInstalled;

  private HeldAtExit() {}

  /** Tracks a primitive's check for this process's exit. */
  static void track(Keepable keepable) {
    installHook();
    TRACKED.add(keepable);
  }

  /** The name this process has in warnings ({@code MainProcess} until set). */
  public static void processName(String name) {
    processName = name;
  }

  /**
   * Marks everything this process holds as kept by an exited process; prints one warning line
   * per primitive on {@code err} when it is not null.
   *
   * @return the warning lines
   */
  public static List<String> keepHeld(String name, PrintStream err) {
    List<Keepable> all;
    synchronized (TRACKED) {
      all = new ArrayList<>(TRACKED);
    }
    List<String> lines = new ArrayList<>();
    List<Keepable> closed = new ArrayList<>();
    for (Keepable k : all) {
      String what = keepQuietly(k);
      if (what != null) {
        lines.add(name + " (" + Holders.describe(Holders.self()) + ") exited holding " + what);
      } else if (closedQuietly(k)) {
        closed.add(k);
      }
    }
    // a JVM that runs task after task (a harness worker) checks this at every task's end: what
    // was closed is dropped, so that the check costs what is open, not every primitive seen
    TRACKED.removeAll(closed);
    if (err != null) {
      for (String line : lines) {
        err.println("Warning: " + line);
      }
      err.flush();
    }
    return lines;
  }

  private static String keepQuietly(Keepable k) {
    try {
      return k.keepIfHeld();
    } catch (RuntimeException e) {
      return null; // a closed or unmapped primitive holds nothing any more
    }
  }

  private static boolean closedQuietly(Keepable k) {
    try {
      return k.isClosed();
    } catch (RuntimeException e) {
      return true; // unmapped
    }
  }

  /** How many primitives are tracked now (for tests). */
  static int trackedCount() {
    return TRACKED.size();
  }

  private static synchronized void installHook() {
    if (hookInstalled) {
      return;
    }
    hookInstalled = true;
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> keepHeld(processName, System.err), "interleave-held-at-exit"));
  }
}
