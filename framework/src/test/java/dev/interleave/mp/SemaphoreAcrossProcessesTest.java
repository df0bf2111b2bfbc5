package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class SemaphoreAcrossProcessesTest {
  private final Children children = new Children();
  private final SharedInts ints = new SharedInts(4);

  @AfterEach
  void cleanUp() throws InterruptedException {
    children.killAll();
    ints.release();
  }

  /** Word 0: current holders, word 1: most holders seen at once. */
  static void useCapacity(Semaphore sem, SharedInts ints, Event go) throws Exception {
    go.await();
    for (int i = 0; i < 200; i++) {
      try (Held held = sem.hold()) {
        ints.max(1, ints.incrementAndGet(0));
        LockSupport.parkNanos(20_000);
        ints.decrementAndGet(0);
      }
    }
  }

  @Test
  void atMostThePermitCountHoldAtOnce() throws Exception {
    Semaphore sem = new Semaphore(3);
    Event go = new Event();
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ps.add(children.start(new Process(SemaphoreAcrossProcessesTest::useCapacity, sem, ints,
          go)));
    }
    go.set();
    for (Process p : ps) {
      assertThat(Children.exitCodeOf(p)).isZero();
    }
    assertThat(ints.get(1)).isBetween(1, 3);
    assertThat(sem.value()).isEqualTo(3);
  }

  static void takeTwoUntil(Semaphore sem, Event holding, Event never) throws Exception {
    sem.acquire();
    sem.acquire();
    holding.set();
    never.await();
  }

  @Test
  void permitsOfAKilledHolderReturnToTheSemaphore() throws Exception {
    Semaphore sem = new Semaphore(3);
    Event holding = new Event();
    Process holder = children.start(new Process(SemaphoreAcrossProcessesTest::takeTwoUntil,
        sem, holding, new Event()));
    assertThat(holding.await(Children.WAIT)).isTrue();
    sem.acquire();
    assertThat(sem.previousOwnerDied()).isFalse();
    assertThat(sem.acquire(Duration.ofMillis(50))).isFalse();

    holder.kill();
    assertThat(sem.acquire(Children.WAIT)).isTrue();
    assertThat(sem.previousOwnerDied()).isTrue();
    assertThat(sem.recoveredPermits()).isEqualTo(2);
    assertThat(sem.value()).isOne();
    sem.release();
    sem.release();
    assertThat(sem.value()).isEqualTo(3);
  }

  static void overRelease(BoundedSemaphore sem) {
    try {
      sem.release();
    } catch (IllegalStateException e) {
      System.exit(e.getMessage().contains("released too many times, by pid") ? 3 : 4);
    }
  }

  @Test
  void aBoundedSemaphoreRejectsOverReleaseFromAnotherProcess() throws Exception {
    BoundedSemaphore sem = new BoundedSemaphore(2);
    Process p = children.start(new Process(SemaphoreAcrossProcessesTest::overRelease, sem));
    assertThat(Children.exitCodeOf(p)).isEqualTo(3);
    assertThat(sem.value()).isEqualTo(2);
  }

  static void releaseOnce(Semaphore sem) {
    sem.release();
  }

  @Test
  void aReleaseInAChildWakesTheParent() throws Exception {
    Semaphore sem = new Semaphore(0);
    children.start(new Process(SemaphoreAcrossProcessesTest::releaseOnce, sem));
    assertThat(sem.acquire(Children.WAIT)).isTrue();
    assertThat(sem.value()).isZero();
  }
}
