package dev.interleave.internal.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The root JVM's exit handler: a non-daemon thread that waits until the {@code main} thread and
 * every other non-daemon thread of the application have ended, then runs {@link
 * Children#atExit()} (terminate daemonic children, join the others) while keeping the JVM
 * alive. Started once, with the first child that keeps its parent alive.
 */
final class ExitHandler {
  private static final String NAME = "interleave-exit-handler";
  private static Thread thread;

  private ExitHandler() {}

  static synchronized void start(Thread main) {
    if (thread != null) {
      return;
    }
    thread = new Thread(null, () -> run(main), NAME, 64 * 1024);
    thread.setDaemon(false);
    thread.start();
  }

  private static void run(Thread main) {
    try {
      if (main != null) {
        main.join();
      }
      for (Thread t = nextOther(); t != null; t = nextOther()) {
        t.join();
      }
      Children.atExit();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits, as the JVM does when {@code main} returns, until every non-daemon thread other than
   * the caller has ended (rescanning, so threads they start are waited for too); an interrupt
   * does not cut the wait short, as it does not the JVM's, and is kept for the caller.
   */
  static void awaitOtherThreads() {
    boolean interrupted = false;
    for (Thread t = nextOther(); t != null; t = nextOther()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A live non-daemon thread other than this one and the JVM's own, or null. */
  private static Thread nextOther() {
    for (Thread t : allThreads()) {
      if (t != Thread.currentThread() && t.isAlive() && !t.isDaemon()
          && !"DestroyJavaVM".equals(t.getName()) && !NAME.equals(t.getName())) {
        return t;
      }
    }
    return null;
  }

  private static List<Thread> allThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n;
    while ((n = root.enumerate(threads, true)) == threads.length) {
      threads = new Thread[threads.length * 2];
    }
    List<Thread> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(threads[i]);
    }
    return list;
  }
}
