package dev.interleave.scenarios.bench;

import dev.interleave.mp.Event;
import dev.interleave.mp.Held;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Semaphore;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * The end of a child JVM's set-up, before it reports ready at the start gate: a fresh JVM keeps
 * compiling its start-up code for a few hundred milliseconds, and compiles each new code path
 * the first few thousand times it runs, which on a small machine would be timed as part of the
 * workload. A child first runs its workload's operations a few thousand times, and the blocking
 * paths of the primitives (timed waits that give up at once, on private primitives), then
 * waits until the JIT compiler has been idle for 50 ms (at most 3 s). CPython children have no
 * such phase: their interpreter is ready once their imports are done.
 */
final class Settle {
  private static final long QUIET_NANOS = 50_000_000L;
  private static final long MAX_NANOS = 3_000_000_000L;
  private static final int BLOCKING_WARMUP = 2_000;
  /**
   * {@code -Dinterleave.bench.settle=false}: children go to the gate at once, as CPython's do,
   * so that the whole run measures what a program of the workload's shape costs.
   */
  static final boolean SETTLE =
      !"false".equals(System.getProperty("interleave.bench.settle", "true"));

  private Settle() {}

  /**
   * The blocking paths of the primitives: timed waits that give up at once, then a ping-pong
   * between two threads of this JVM over private primitives (spinning, parking, waking).
   */
  private static void warmBlockingPaths() throws InterruptedException {
    Lock lock = new Lock();
    Semaphore ping = new Semaphore(0);
    Semaphore pong = new Semaphore(0);
    Event event = new Event();
    lock.acquire();
    Duration now = Duration.ofNanos(1);
    for (int i = 0; i < BLOCKING_WARMUP; i++) {
      lock.acquire(now);
      ping.acquire(now);
      event.await(now);
    }
    lock.release();
    Thread partner = new Thread(() -> pingPong(pong, ping, lock, event), "warm-up partner");
    partner.start();
    pingPong(ping, pong, lock, event);
    partner.join();
    for (AutoCloseable c : List.<AutoCloseable>of(lock::close, ping::close, pong::close,
        event::close)) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void pingPong(Semaphore mine, Semaphore theirs, Lock lock, Event event) {
    try {
      boolean first = Thread.currentThread().getName().startsWith("warm-up");
      for (int i = 0; i < BLOCKING_WARMUP; i++) {
        if (first) {
          mine.acquire();
        }
        try (Held held = lock.hold()) {
          event.isSet();
        }
        theirs.release();
        if (!first) {
          mine.acquire();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A warm-up of the workload's operations. */
  @FunctionalInterface
  interface Warmup {
    void run() throws InterruptedException;
  }

  static void settle(Warmup warmup) throws InterruptedException {
    if (!SETTLE) {
      return;
    }
    warmup.run();
    warmBlockingPaths();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long start = System.nanoTime();
    long last = jit.getTotalCompilationTime();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - start < MAX_NANOS) {
      Thread.sleep(10); // sampling the JIT's activity; there is nothing to wait on
      long now = jit.getTotalCompilationTime();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= QUIET_NANOS) {
        return;
      }
    }
  }
}
