package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SemaphoreTest {

  @Test
  void permitsAreCounted() throws Exception {
    Semaphore sem = new Semaphore(2);
    Semaphore copy = Copies.of(sem);
    sem.acquire();
    copy.acquire();
    assertThat(sem.value()).isZero();
    assertThat(copy.tryAcquire()).isFalse();
    assertThat(sem.acquire(Duration.ofMillis(20))).isFalse();
    copy.release();
    assertThat(sem.value()).isOne();
    assertThat(sem.previousOwnerDied()).isFalse();
    sem.close();
  }

  @Test
  void anUnboundedSemaphoreMayGrowAboveItsInitialValue() {
    Semaphore sem = new Semaphore(0);
    sem.release();
    sem.release();
    assertThat(sem.value()).isEqualTo(2);
    sem.close();
  }

  @Test
  void aBoundedSemaphoreRejectsOverRelease() throws Exception {
    BoundedSemaphore sem = new BoundedSemaphore(1);
    sem.acquire();
    sem.release();
    assertThatThrownBy(sem::release)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("BoundedSemaphore[interleave-")
        .hasMessageEndingWith("released too many times, by pid " + ProcessHandle.current().pid()
            + ": its value is already 1, its initial value");
    sem.close();
  }

  @Test
  void negativePermitsAreRejected() {
    assertThatThrownBy(() -> new Semaphore(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("permits must be >= 0 but was: -1");
    assertThatThrownBy(() -> new BoundedSemaphore(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("permits must be >= 0 but was: -2");
  }

  @Test
  void aReleaseWakesABlockedAcquirer() throws Exception {
    Semaphore sem = new Semaphore(0);
    Semaphore copy = Copies.of(sem);
    AtomicReference<Boolean> got = new AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        got.set(copy.acquire(Duration.ofSeconds(20)));
      } catch (InterruptedException e) {
        got.set(null);
      }
    });
    waiter.start();
    LockTest.waitUntilBlocked(waiter);
    sem.release();
    waiter.join();
    assertThat(got.get()).isTrue();
    sem.close();
  }

  @Test
  void holdTakesOnePermit() throws Exception {
    Semaphore sem = new Semaphore(3);
    try (Held held = sem.hold()) {
      assertThat(sem.value()).isEqualTo(2);
    }
    assertThat(sem.value()).isEqualTo(3);
    sem.close();
  }

  @Test
  void useAfterCloseFails() {
    Semaphore sem = new Semaphore(1);
    sem.close();
    assertThatThrownBy(sem::tryAcquire)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was closed");
  }
}
