package dev.interleave.internal.runtime;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pre-started child JVMs waiting for their task, so that {@code start()} skips JVM start-up.
 *
 * <p>The pool holds {@code interleave.warm} JVMs (default 2 in the root JVM, 0 in children) and
 * is filled by one background thread after each use. An idle warm JVM costs memory, not CPU; it
 * is killed when this JVM exits. If a warm JVM fails to start, the pool
 * turns itself off and launches go cold, where the failure is reported.
 */
final class WarmPool {
  private static final LinkedBlockingDeque<ChildJvm> READY = new LinkedBlockingDeque<>();
  private static final AtomicInteger STARTING = new AtomicInteger();
  private static volatile int target = Integer.getInteger("interleave.warm",
      ProcessContext.isChild() ? 0 : 2);
  private static volatile boolean broken;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(WarmPool::discardAll, "interleave-warm-discard"));
  }

  private WarmPool() {}

  /**
   * Kills the idle JVMs at exit: they would exit by themselves, but the threads copying their
   * output sit in native reads, which the JVM waits up to 300 ms for when it exits.
   */
  private static void discardAll() {
    broken = true;
    ChildJvm jvm;
    while ((jvm = READY.pollFirst()) != null) {
      jvm.terminate(true);
    }
  }

  /** A ready JVM, or null; schedules a refill. */
  static ChildJvm take() {
    ChildJvm jvm;
    while ((jvm = READY.pollFirst()) != null && (!jvm.isAlive()
        || !ClassDataArchive.withoutArchive(jvm.command()).equals(Launcher.command()))) {
      jvm.close();
    }
    refillAsync();
    return jvm;
  }

  /** Raises the target to {@code n} and waits until {@code n} JVMs are ready. */
  static void fill(int n) throws InterruptedException {
    target = Math.max(target, n);
    while (READY.size() < n && !broken) {
      ChildJvm jvm = startOne();
      if (jvm == null) {
        return;
      }
      READY.addLast(jvm);
    }
  }

  private static void refillAsync() {
    if (broken || READY.size() + STARTING.get() >= target) {
      return;
    }
    STARTING.incrementAndGet();
    Thread t = new Thread(WarmPool::refill, "interleave-warm-pool");
    t.setDaemon(true);
    t.start();
  }

  private static void refill() {
    try {
      while (!broken && READY.size() + STARTING.get() - 1 < target) {
        ChildJvm jvm = startOne();
        if (jvm == null) {
          return;
        }
        READY.addLast(jvm);
      }
    } finally {
      STARTING.decrementAndGet();
    }
  }

  private static ChildJvm startOne() {
    try {
      return Launcher.launchWarm();
    } catch (RuntimeException e) {
      broken = true;
      return null;
    }
  }
}
