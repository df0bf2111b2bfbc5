package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConditionTest {

  @Test
  void signalWakesTheLongestWaitingThreadsInArrivalOrder() throws Exception {
    Condition cond = new Condition(new Lock());
    Condition copy = Copies.of(cond);
    List<Integer> woken = new CopyOnWriteArrayList<>();
    List<Thread> waiters = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Thread t = waiter(i % 2 == 0 ? cond : copy, i, woken);
      waiters.add(t);
      t.start();
      LockTest.waitUntilBlocked(t);
    }
    signal(cond, 1);
    waiters.get(0).join(10_000);
    assertThat(woken).containsExactly(0);
    signal(cond, 1);
    waiters.get(1).join(10_000);
    assertThat(woken).containsExactly(0, 1);
    assertThat(waiters.get(2).isAlive()).isTrue();
    signal(cond, Integer.MAX_VALUE);
    waiters.get(2).join(10_000);
    assertThat(woken).containsExactly(0, 1, 2);
  }

  @Test
  void signalOfNWakesExactlyN() throws Exception {
    Condition cond = new Condition(new Lock());
    List<Integer> woken = new CopyOnWriteArrayList<>();
    List<Thread> waiters = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Thread t = waiter(cond, i, woken);
      waiters.add(t);
      t.start();
      LockTest.waitUntilBlocked(t);
    }
    signal(cond, 2);
    waiters.get(0).join(10_000);
    waiters.get(1).join(10_000);
    assertThat(woken).containsExactlyInAnyOrder(0, 1);
    assertThat(waiters.get(2).isAlive()).isTrue();
    signal(cond, Integer.MAX_VALUE);
    waiters.get(2).join(10_000);
    assertThat(woken).containsExactlyInAnyOrder(0, 1, 2);
  }

  private static Thread waiter(Condition c, int id, List<Integer> woken) {
    return new Thread(() -> {
      try (Held held = c.hold()) {
        if (c.await(Duration.ofSeconds(20))) {
          woken.add(id);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private static void signal(Condition c, int n) throws InterruptedException {
    try (Held held = c.hold()) {
      if (n == Integer.MAX_VALUE) {
        c.signalAll();
      } else {
        c.signal(n);
      }
    }
  }

  @Test
  void waitReleasesEveryLevelOfAnRLockAndRestoresThem() throws Exception {
    RLock rlock = new RLock();
    Condition cond = new Condition(rlock);
    rlock.acquire();
    rlock.acquire();
    Thread signaller = new Thread(() -> {
      try (Held held = cond.hold()) {
        cond.signal();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    signaller.start();
    assertThat(cond.await(Duration.ofSeconds(20))).isTrue();
    assertThat(rlock.holdCount()).isEqualTo(2);
    rlock.release();
    rlock.release();
  }

  @Test
  void waitForReturnsThePredicateAfterTheTimeout() throws Exception {
    Condition cond = new Condition();
    try (Held held = cond.hold()) {
      long start = System.nanoTime();
      assertThat(cond.waitFor(() -> false, Duration.ofMillis(80))).isFalse();
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(80_000_000L);
      assertThat(cond.waitFor(() -> true, Duration.ZERO)).isTrue();
    }
  }

  @Test
  void waitForWakesWhenThePredicateBecomesTrue() throws Exception {
    Condition cond = new Condition();
    AtomicInteger items = new AtomicInteger();
    Thread producer = new Thread(() -> {
      for (int i = 0; i < 3; i++) {
        try (Held held = cond.hold()) {
          items.incrementAndGet();
          cond.signalAll();
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    try (Held held = cond.hold()) {
      producer.start();
      assertThat(cond.waitFor(() -> items.get() == 3, Duration.ofSeconds(20))).isTrue();
    }
  }

  @Test
  void waitAndSignalWithoutTheLockAreErrors() {
    Condition cond = new Condition(new Lock());
    assertThatThrownBy(cond::await)
        .isInstanceOf(IllegalMonitorStateException.class)
        .hasMessageContaining(": cannot wait on Condition[interleave-");
    assertThatThrownBy(cond::signal)
        .isInstanceOf(IllegalMonitorStateException.class)
        .hasMessageContaining(": cannot signal Condition[interleave-");
    assertThatThrownBy(() -> cond.signal(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be >= 0 but was: -1");
  }

  @Test
  void anInterruptedWaiterReacquiresTheLockAndThrows() throws Exception {
    Lock lock = new Lock();
    Condition cond = new Condition(lock);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> heldAfter = new AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        cond.acquire();
        cond.await();
      } catch (Throwable e) {
        thrown.set(e);
        heldAfter.set(lock.isLocked());
        cond.release();
      }
    });
    waiter.start();
    LockTest.waitUntilBlocked(waiter);
    waiter.interrupt();
    waiter.join(10_000);
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(heldAfter.get()).isTrue();
    assertThat(lock.isLocked()).isFalse();
  }
}
