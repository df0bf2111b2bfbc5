package dev.interleave.scenarios.bench;

import dev.interleave.mp.Event;
import dev.interleave.mp.Process;
import dev.interleave.mp.Semaphore;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The baselines' start gate: each child sets up, releases {@code ready} and waits on {@code go};
 * the parent waits for every {@code ready}, starts the clock and sets {@code go}; children
 * release {@code finished} at the end.
 */
record SyncGate(Semaphore ready, Event go, Semaphore finished) implements Serializable {
  private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);

  static SyncGate create() {
    return new SyncGate(new Semaphore(0), new Event(), new Semaphore(0));
  }

  /** In a child: finish set-up (see {@link Settle}), report ready, wait for the gate. */
  void arriveAndWait(Settle.Warmup warmup) throws InterruptedException {
    Settle.settle(warmup);
    ready.release();
    go.await();
  }

  /** In a child: report done. */
  void finish() {
    finished.release();
  }

  void awaitReady(List<Process> procs) throws InterruptedException {
    awaitEach(ready, procs);
  }

  void awaitFinished(List<Process> procs) throws InterruptedException {
    awaitEach(finished, procs);
  }

  /** Takes one permit per child, failing fast if a child died. */
  static void awaitEach(Semaphore sem, List<Process> procs) throws InterruptedException {
    for (int i = 0; i < procs.size(); i++) {
      awaitOne(sem, procs);
    }
  }

  static void awaitOne(Semaphore sem, List<Process> procs) throws InterruptedException {
    long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
    while (!sem.acquire(Duration.ofSeconds(1))) {
      for (Process p : procs) {
        if (!p.isAlive() && p.exitCode().orElse(0) != 0) {
          throw new IllegalStateException(p.name() + " exited with " + p.exitCode());
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("a child did not signal within " + CHILD_TIMEOUT);
      }
    }
  }

  static void joinAll(List<Process> procs) throws InterruptedException {
    for (Process p : procs) {
      if (!p.join(CHILD_TIMEOUT) || p.exitCode().orElse(-1) != 0) {
        p.kill();
        throw new IllegalStateException(p.name() + " ended with " + p.exitCode());
      }
    }
  }

  void close() {
    ready.close();
    go.close();
    finished.close();
  }
}
