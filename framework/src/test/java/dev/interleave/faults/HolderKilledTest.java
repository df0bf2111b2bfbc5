package dev.interleave.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interleave.mp.Children;
import dev.interleave.mp.Event;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import dev.interleave.mp.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code kill -9} of a process holding a lock or a semaphore permit while others wait: every
 * waiter proceeds, and the first is told that the previous owner died. Measured: the time from
 * the kill to the first waiter holding it.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class HolderKilledTest {
  private static final int WAITERS = 2;
  private final Children children = new Children();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void cleanUp() throws InterruptedException {
    threads.shutdownNow();
    children.killAll();
  }

  /** What a waiter saw: when it got the lock, and whether it was told the owner died. */
  private record Taken(long atNanos, boolean ownerDied) {}

  /** A timed acquire of a lock or a permit. */
  private interface Acquire {
    boolean acquire(Duration timeout) throws InterruptedException;
  }

  /** One primitive as the test uses it, whichever its type. */
  private record Held(Function<Event, Process> holder, Acquire acquire,
      BooleanSupplier previousOwnerDied, Runnable release) {}

  @Test
  void waitersOnALockProceedAndAreToldTheOwnerDied() throws Exception {
    measure("Lock holder killed", () -> {
      Lock lock = new Lock();
      return new Held(holding -> new Process(FaultTargets::holdLock, lock, holding),
          lock::acquire, lock::previousOwnerDied, lock::release);
    });
  }

  @Test
  void waitersOnASemaphoreProceedAndAreToldTheOwnerDied() throws Exception {
    measure("Semaphore holder killed", () -> {
      Semaphore sem = new Semaphore(1);
      return new Held(holding -> new Process(FaultTargets::holdPermit, sem, holding),
          sem::acquire, sem::previousOwnerDied, sem::release);
    });
  }

  private void measure(String fault, Callable<Held> fresh) throws Exception {
    int rounds = FaultSize.pick(3, 40);
    List<Long> firstTakeOver = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      firstTakeOver.add(killHolderWhileOthersWait(fresh.call()));
    }
    Figures.report(fault, "kill to the first of " + WAITERS + " waiters holding it: "
        + Figures.millis(firstTakeOver) + " rounds; every waiter proceeded, the first told"
        + " the owner died");
  }

  /** Returns the nanoseconds from the kill to the first waiter holding the primitive. */
  private long killHolderWhileOthersWait(Held held) throws Exception {
    Event holding = new Event();
    Process holder = children.start(held.holder().apply(holding));
    assertThat(holding.await(Children.WAIT)).as("the holder took it").isTrue();
    List<Future<Taken>> waiters = new ArrayList<>();
    List<Thread> waiting = new ArrayList<>();
    for (int i = 0; i < WAITERS; i++) {
      waiters.add(threads.submit(() -> {
        synchronized (waiting) {
          waiting.add(Thread.currentThread());
        }
        return take(held);
      }));
    }
    await("both waiters parked on the primitive").atMost(Children.WAIT)
        .until(() -> parked(waiting));
    long killedAt = System.nanoTime();
    holder.kill();
    assertThat(Children.exitCodeOf(holder)).isEqualTo(-9);
    List<Taken> taken = new ArrayList<>();
    for (Future<Taken> w : waiters) {
      taken.add(w.get(Children.WAIT.toSeconds() * 2, TimeUnit.SECONDS));
    }
    taken.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
    assertThat(taken).extracting(Taken::ownerDied).as("only the first is told the owner died")
        .containsExactly(true, false);
    return taken.get(0).atNanos() - killedAt;
  }

  private static Taken take(Held held) throws InterruptedException {
    if (!held.acquire().acquire(Children.WAIT)) {
      throw new AssertionError("a waiter did not get it within " + Children.WAIT);
    }
    Taken t = new Taken(System.nanoTime(), held.previousOwnerDied().getAsBoolean());
    held.release().run();
    return t;
  }

  /** Whether every thread is asleep in a shared-memory wait (a parker's frame on its stack). */
  private static boolean parked(List<Thread> waiting) {
    synchronized (waiting) {
      return waiting.size() == WAITERS && waiting.stream().allMatch(t ->
          Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().endsWith("Parker")));
    }
  }
}
