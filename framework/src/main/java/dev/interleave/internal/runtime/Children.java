package dev.interleave.internal.runtime;

import dev.interleave.mp.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The children this JVM started, and what happens to them when its main code ends.
 *
 * <p>As CPython's exit handler does: daemonic children are terminated and non-daemonic ones
 * are waited for. In the root JVM "main code ends" means the {@code main} thread terminated (a
 * watcher thread joins it); each non-daemonic child holds a non-daemon thread that keeps this
 * JVM alive until the child exits. In a child the bootstrap calls {@link #atExit()} after
 * {@code run()} returns. A shutdown hook terminates the daemonic children that remain.
 */
public final class Children {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean hooksInstalled;

  private Children() {}

  /** Records a started child. */
  public static void register(Process p) {
    register(p, true);
  }

  /**
   * Records a started child; {@code keepAlive} false skips the thread that keeps this JVM alive
   * until a non-daemonic child exits (a harness worker's process needs none: the harness waits).
   */
  public static void register(Process p, boolean keepAlive) {
    installHooks();
    LIVE.add(p);
    if (keepAlive && !p.isDaemon()) {
      Thread keeper = new Thread(null, () -> awaitQuietly(p), "interleave-keep-" + p.name(), 64 * 1024);
      keeper.setDaemon(false);
      keeper.start();
    }
  }

  /** Forgets a closed child. */
  public static void unregister(Process p) {
    LIVE.remove(p);
  }

  /** The children still running; exited ones are forgotten (CPython reaps them here too). */
  public static List<Process> active() {
    List<Process> alive = new ArrayList<>();
    for (Process p : LIVE) {
      if (p.state() == Process.State.STARTED && p.isAlive()) {
        alive.add(p);
      } else {
        LIVE.remove(p);
      }
    }
    alive.sort((a, b) -> a.name().compareTo(b.name()));
    return alive;
  }

  /** Terminates daemonic children, then waits for the others. */
  public static void atExit() {
    terminateDaemons();
    for (Process p : active()) {
      if (!p.isDaemon()) {
        awaitQuietly(p);
      }
    }
  }

  private static void terminateDaemons() {
    for (Process p : active()) {
      if (p.isDaemon()) {
        p.terminate();
      }
    }
  }

  private static void awaitQuietly(Process p) {
    try {
      p.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // a failed launch was reported to whoever joins it
    }
  }

  private static synchronized void installHooks() {
    if (hooksInstalled) {
      return;
    }
    hooksInstalled = true;
    Runtime.getRuntime().addShutdownHook(
        new Thread(Children::terminateDaemons, "interleave-daemon-reaper"));
    if (!ProcessContext.isChild()) {
      Thread main = findMainThread();
      if (main != null) {
        Thread watcher = new Thread(() -> {
          try {
            main.join();
            terminateDaemons();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "interleave-main-watcher");
        watcher.setDaemon(true);
        watcher.start();
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
