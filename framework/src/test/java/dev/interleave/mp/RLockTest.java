package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RLockTest {
  private final RLock lock = new RLock();

  @AfterEach
  void closeLock() {
    lock.close();
  }

  @Test
  void theOwnerAcquiresRecursivelyAndReleasesEachLevel() throws Exception {
    lock.acquire();
    lock.acquire();
    assertThat(lock.tryAcquire()).isTrue();
    assertThat(lock.holdCount()).isEqualTo(3);
    lock.release();
    lock.release();
    assertThat(lock.isHeldByCurrentThread()).isTrue();
    lock.release();
    assertThat(lock.isHeldByCurrentThread()).isFalse();
    assertThat(lock.holdCount()).isZero();
  }

  @Test
  void anotherThreadWaitsUntilTheLastLevelIsReleased() throws Exception {
    RLock copy = Copies.of(lock);
    lock.acquire();
    lock.acquire();
    AtomicReference<Boolean> got = new AtomicReference<>();
    Thread other = new Thread(() -> got.set(copy.tryAcquire()));
    other.start();
    other.join();
    assertThat(got.get()).isFalse();
    lock.release();
    lock.release();
    Thread again = new Thread(() -> {
      got.set(copy.tryAcquire());
      copy.release();
    });
    again.start();
    again.join();
    assertThat(got.get()).isTrue();
  }

  @Test
  void releaseByANonOwnerThreadNamesTheLockAndTheProcess() throws Exception {
    lock.acquire();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        lock.release();
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, "intruder");
    other.start();
    other.join();
    long pid = ProcessHandle.current().pid();
    assertThat(thrown.get())
        .isInstanceOf(IllegalMonitorStateException.class)
        .hasMessageStartingWith("RLock[interleave-")
        .hasMessageEndingWith(": cannot release from thread \"intruder\" of pid " + pid
            + ", which does not hold it (held by pid " + pid + ")");
    lock.release();
  }

  @Test
  void releaseOfAFreeRLockIsAnError() {
    assertThatThrownBy(lock::release)
        .isInstanceOf(IllegalMonitorStateException.class)
        .hasMessageEndingWith("which does not hold it (held by nobody)");
  }

  @Test
  void timedAcquireGivesUp() throws Exception {
    lock.acquire();
    AtomicReference<Boolean> got = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        got.set(lock.acquire(Duration.ofMillis(50)));
      } catch (InterruptedException e) {
        got.set(null);
      }
    });
    other.start();
    other.join();
    assertThat(got.get()).isFalse();
    lock.release();
  }
}
