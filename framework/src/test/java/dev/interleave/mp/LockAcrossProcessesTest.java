package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class LockAcrossProcessesTest {
  private final Children children = new Children();
  private final SharedInts ints = new SharedInts(4);
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void cleanUp() throws InterruptedException {
    children.killAll();
    pool.shutdownNow();
    ints.release();
  }

  static void incrementUnderLock(Lock lock, SharedInts ints, Event go) throws Exception {
    go.await();
    for (int i = 0; i < 2_000; i++) {
      try (Held held = lock.hold()) {
        ints.racyIncrement(0);
      }
    }
  }

  @Test
  void processesExcludeEachOther() throws Exception {
    Lock lock = new Lock();
    Event go = new Event();
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ps.add(children.start(
          new Process(LockAcrossProcessesTest::incrementUnderLock, lock, ints, go)));
    }
    go.set();
    incrementUnderLock(lock, ints, go);
    for (Process p : ps) {
      assertThat(Children.exitCodeOf(p)).isZero();
    }
    assertThat(ints.get(0)).isEqualTo(4 * 2_000);
  }

  static void acquireAndReport(Lock lock, Event acquired) throws Exception {
    lock.acquire();
    acquired.set();
  }

  @Test
  void anotherProcessMayRelease() throws Exception {
    Lock lock = new Lock();
    Event acquired = new Event();
    Process p = children.start(new Process(LockAcrossProcessesTest::acquireAndReport, lock,
        acquired));
    assertThat(acquired.await(Children.WAIT)).isTrue();
    assertThat(Children.exitCodeOf(p)).isZero();
    assertThat(lock.isLocked()).isTrue();
    lock.release();
    assertThat(lock.tryAcquire()).isTrue();
  }

  static void holdUntil(Lock lock, Event holding, Event never) throws Exception {
    lock.acquire();
    holding.set();
    never.await();
  }

  @Test
  void aWaiterRecoversALockWhoseHolderWasKilled() throws Exception {
    Lock lock = new Lock();
    Event holding = new Event();
    Process holder = children.start(new Process(LockAcrossProcessesTest::holdUntil, lock,
        holding, new Event()));
    assertThat(holding.await(Children.WAIT)).isTrue();
    Future<Boolean> waiter = pool.submit(() -> lock.acquire(Children.WAIT));
    assertThat(lock.acquire(Duration.ofMillis(100))).isFalse();
    assertThat(lock.previousOwnerDied()).isFalse();

    holder.kill();
    assertThat(Children.exitCodeOf(holder)).isEqualTo(-9);
    assertThat(waiter.get()).isTrue();
    assertThat(lock.previousOwnerDied()).isTrue();
    lock.release();
    lock.acquire();
    assertThat(lock.previousOwnerDied()).isFalse();
  }
}
