package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LockTest {
  private final Lock lock = new Lock();

  @AfterEach
  void closeLock() {
    lock.close();
  }

  @Test
  void acquireAndReleaseToggleTheLockedState() throws Exception {
    assertThat(lock.isLocked()).isFalse();
    lock.acquire();
    assertThat(lock.isLocked()).isTrue();
    assertThat(lock.previousOwnerDied()).isFalse();
    lock.release();
    assertThat(lock.isLocked()).isFalse();
  }

  @Test
  void aCopyIsTheSameLock() throws Exception {
    Lock copy = Copies.of(lock);
    assertThat(copy).isNotSameAs(lock);
    lock.acquire();
    assertThat(copy.isLocked()).isTrue();
    assertThat(copy.tryAcquire()).isFalse();
    copy.release();
    assertThat(lock.isLocked()).isFalse();
  }

  @Test
  void tryAcquireAndTimedAcquireFailWhileHeld() throws Exception {
    lock.acquire();
    assertThat(lock.tryAcquire()).isFalse();
    long start = System.nanoTime();
    assertThat(lock.acquire(Duration.ofMillis(100))).isFalse();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    assertThat(lock.acquire(Duration.ZERO)).isFalse();
    lock.release();
    assertThat(lock.acquire(Duration.ZERO)).isTrue();
    lock.release();
  }

  @Test
  void releasingAnUnlockedLockIsAnError() {
    assertThatThrownBy(lock::release)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Lock[interleave-")
        .hasMessageEndingWith("released while not locked, by pid " + ProcessHandle.current().pid());
  }

  @Test
  void anotherThreadMayRelease() throws Exception {
    lock.acquire();
    Thread t = new Thread(lock::release);
    t.start();
    t.join();
    assertThat(lock.isLocked()).isFalse();
  }

  @Test
  void holdReleasesAtTheEndOfTheBlock() throws Exception {
    try (Held held = lock.hold()) {
      assertThat(lock.isLocked()).isTrue();
      held.close();
      assertThat(lock.isLocked()).isFalse();
    }
    assertThat(lock.isLocked()).isFalse();
  }

  @Test
  void negativeTimeoutIsRejected() {
    assertThatThrownBy(() -> lock.acquire(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be >= 0 but was: PT-0.005S");
  }

  @Test
  void aWaiterIsInterruptible() throws Exception {
    lock.acquire();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        lock.acquire();
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    waiter.start();
    waitUntilBlocked(waiter);
    waiter.interrupt();
    waiter.join(10_000);
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    lock.release();
  }

  @Test
  void threadsOnTwoMappingsExcludeEachOther() throws Exception {
    Lock copy = Copies.of(lock);
    int[] counter = new int[1];
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (Lock l : List.of(lock, copy, lock, copy)) {
      threads.add(new Thread(() -> incrementMany(l, counter, go)));
    }
    threads.forEach(Thread::start);
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(counter[0]).isEqualTo(4 * 20_000);
  }

  private static void incrementMany(Lock l, int[] counter, CountDownLatch go) {
    try {
      go.await();
      for (int i = 0; i < 20_000; i++) {
        try (Held held = l.hold()) {
          counter[0]++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void useAfterCloseFailsClearlyEverywhere() throws Exception {
    Lock copy = Copies.of(lock);
    lock.close();
    assertThat(copy.isClosed()).isTrue();
    assertThatThrownBy(copy::acquire)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("was closed: its shared resources have been released and it can"
            + " no longer be used");
    assertThatThrownBy(() -> Copies.of(lock)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeWakesWaitersWithAnError() throws Exception {
    lock.acquire();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        lock.acquire();
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    waiter.start();
    waitUntilBlocked(waiter);
    lock.close();
    waiter.join(10_000);
    assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
  }

  static void waitUntilBlocked(Thread t) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> t.getState() == Thread.State.WAITING
            || t.getState() == Thread.State.TIMED_WAITING
            || t.getState() == Thread.State.RUNNABLE && inParker(t));
  }

  private static boolean inParker(Thread t) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().endsWith("FutexParker") || e.getClassName().endsWith("PollingParker")) {
        return true;
      }
    }
    return false;
  }
}
