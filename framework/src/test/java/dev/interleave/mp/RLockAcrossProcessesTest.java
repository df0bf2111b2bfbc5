package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class RLockAcrossProcessesTest {
  private final Children children = new Children();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void cleanUp() throws InterruptedException {
    children.killAll();
    pool.shutdownNow();
  }

  static void holdThreeLevelsUntil(RLock lock, Event holding, Event never) throws Exception {
    lock.acquire();
    lock.acquire();
    lock.acquire();
    holding.set();
    never.await();
  }

  @Test
  void anotherProcessCannotTakeOrReleaseIt() throws Exception {
    RLock lock = new RLock();
    Event holding = new Event();
    children.start(new Process(RLockAcrossProcessesTest::holdThreeLevelsUntil, lock, holding,
        new Event()));
    assertThat(holding.await(Children.WAIT)).isTrue();
    assertThat(lock.tryAcquire()).isFalse();
    assertThat(lock.acquire(Duration.ofMillis(50))).isFalse();
    assertThatThrownBy(lock::release)
        .isInstanceOf(IllegalMonitorStateException.class)
        .hasMessageContaining("of pid " + ProcessHandle.current().pid() + ", which does not"
            + " hold it (held by pid ");
  }

  @Test
  void aWaiterRecoversAnRLockWhoseOwnerWasKilled() throws Exception {
    RLock lock = new RLock();
    Event holding = new Event();
    Process owner = children.start(new Process(
        RLockAcrossProcessesTest::holdThreeLevelsUntil, lock, holding, new Event()));
    assertThat(holding.await(Children.WAIT)).isTrue();
    RLock copy = Copies.of(lock);
    Future<String> waiter = pool.submit(() -> {
      boolean got = copy.acquire(Children.WAIT);
      String seen = got + " " + copy.previousOwnerDied() + " " + copy.holdCount();
      copy.release();
      return seen;
    });
    owner.kill();
    assertThat(waiter.get()).isEqualTo("true true 1");
    assertThat(lock.tryAcquire()).isTrue();
    assertThat(lock.previousOwnerDied()).isFalse();
    lock.release();
  }
}
