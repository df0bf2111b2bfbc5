package dev.interleave.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The children this JVM started, and what happens to them when this process exits.
 *
 * <p>As CPython's exit handler does: daemonic children are terminated and non-daemonic ones
 * are waited for, when the process exits, whether its main code ended or it called {@code
 * System.exit}. In the root JVM "main code ends" means the {@code main} thread and every other
 * non-daemon thread of the application ended (as CPython joins its non-daemon threads before
 * its exit handler runs): a non-daemon exit-handler thread waits for them, then terminates the
 * daemonic children and joins the others, keeping the JVM alive meanwhile. {@code System.exit}
 * does the same from a shutdown hook. A root JVM ended by SIGINT, SIGTERM or SIGHUP only
 * terminates its daemonic children (CPython runs no exit handler then). In a child the
 * bootstrap calls {@link #atExit()} after {@code run()} returns.
 */
public final class Children {
  private static final Set<Child> LIVE = ConcurrentHashMap.newKeySet();
  /** The children this process waits for at exit (not those someone else waits for). */
  private static final Set<Child> AWAITED = ConcurrentHashMap.newKeySet();
  private static volatile boolean hooksInstalled;
  private static volatile boolean signalled;

  private Children() {}

  /** Records a started child. */
  public static void register(Child p) {
    register(p, true);
  }

  /**
   * Records a started child; {@code keepAlive} false means someone else waits for it (a harness
   * worker's process: the harness waits), so it does not keep this JVM alive.
   */
  public static void register(Child p, boolean keepAlive) {
    installHooks(keepAlive);
    LIVE.add(p);
    if (keepAlive) {
      AWAITED.add(p);
    }
  }

  /**
   * Forgets every child: a harness worker calls this before each task, since each task is a new
   * process and the children of the last one are the controller's to end.
   */
  public static void forgetAll() {
    LIVE.clear();
    AWAITED.clear();
  }

  /** Forgets a closed child. */
  public static void unregister(Child p) {
    LIVE.remove(p);
    AWAITED.remove(p);
  }

  /** The children still running; exited ones are forgotten (CPython reaps them here too). */
  public static List<Child> active() {
    List<Child> alive = new ArrayList<>();
    for (Child p : LIVE) {
      if (p.isRunning()) {
        alive.add(p);
      } else {
        LIVE.remove(p);
        AWAITED.remove(p);
      }
    }
    alive.sort((a, b) -> a.name().compareTo(b.name()));
    return alive;
  }

  /** Terminates daemonic children, then waits for the others. */
  public static void atExit() {
    if (LIVE.isEmpty()) {
      return; // most children start none: nothing to load or sort on their way out
    }
    terminateDaemons();
    for (Child p : active()) {
      if (!p.isDaemon() && AWAITED.contains(p)) {
        awaitQuietly(p);
      }
    }
  }

  private static void terminateDaemons() {
    for (Child p : active()) {
      if (p.isDaemon()) {
        p.terminate();
      }
    }
  }

  private static void awaitQuietly(Child p) {
    try {
      p.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // a failed launch was reported to whoever joins it
    }
  }

  private static synchronized void installHooks(boolean keepAlive) {
    if (!hooksInstalled) {
      hooksInstalled = true;
      Runtime.getRuntime().addShutdownHook(new Thread(Children::atShutdown, "interleave-exit-hook"));
      if (!ProcessContext.isChild()) {
        recordSignals();
      }
    }
    if (keepAlive && !ProcessContext.isChild()) {
      ExitHandler.start(findMainThread());
    }
  }

  /** The shutdown hook: after {@code System.exit}, as at a normal exit; after a signal, less. */
  private static void atShutdown() {
    if (signalled) {
      terminateDaemons();
    } else {
      atExit();
    }
  }

  /** Records that the exit under way is a signal's: non-daemonic children are not joined. */
  static void signalled() {
    signalled = true;
  }

  /** Notes SIGINT, SIGTERM and SIGHUP before the handler that was there runs. */
  @SuppressWarnings("restriction")
  private static void recordSignals() {
    for (String name : new String[] {"INT", "TERM", "HUP"}) {
      try {
        sun.misc.Signal signal = new sun.misc.Signal(name);
        sun.misc.SignalHandler[] previous = new sun.misc.SignalHandler[1];
        previous[0] = sun.misc.Signal.handle(signal, s -> {
          signalled = true;
          previous[0].handle(s);
        });
        if (previous[0] == sun.misc.SignalHandler.SIG_DFL
            || previous[0] == sun.misc.SignalHandler.SIG_IGN) {
          sun.misc.Signal.handle(signal, previous[0]); // not the JVM's handler: leave it be
        }
      } catch (IllegalArgumentException | LinkageError e) {
        // the signal is not available here, or is used by the JVM: keep its handling
      }
    }
  }

  private static Thread findMainThread() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if ("main".equals(t.getName()) && t.getThreadGroup() != null
          && "main".equals(t.getThreadGroup().getName())) {
        return t;
      }
    }
    return null;
  }
}
