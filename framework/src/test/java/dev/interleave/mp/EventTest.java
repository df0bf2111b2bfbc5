package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EventTest {
  private final Event event = new Event();

  @AfterEach
  void closeEvent() {
    event.close();
  }

  @Test
  void setAndClearAreSeenThroughACopy() {
    Event copy = Copies.of(event);
    assertThat(copy.isSet()).isFalse();
    event.set();
    assertThat(copy.isSet()).isTrue();
    copy.clear();
    assertThat(event.isSet()).isFalse();
  }

  @Test
  void awaitReturnsAtOnceWhenSetAndFalseOnTimeout() throws Exception {
    assertThat(event.await(Duration.ofMillis(30))).isFalse();
    event.set();
    assertThat(event.await(Duration.ZERO)).isTrue();
    event.await();
  }

  @Test
  void setWakesEveryWaiter() throws Exception {
    Event copy = Copies.of(event);
    Thread[] waiters = new Thread[3];
    boolean[] results = new boolean[3];
    for (int i = 0; i < waiters.length; i++) {
      int n = i;
      waiters[i] = new Thread(() -> {
        try {
          results[n] = copy.await(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
          results[n] = false;
        }
      });
      waiters[i].start();
    }
    for (Thread t : waiters) {
      LockTest.waitUntilBlocked(t);
    }
    event.set();
    for (Thread t : waiters) {
      t.join();
    }
    assertThat(results).containsExactly(true, true, true);
  }

  @Test
  void aWaiterWokenBySetReturnsTrueEvenIfClearedAgain() throws Exception {
    AtomicReference<Boolean> result = new AtomicReference<>();
    Thread waiter = new Thread(() -> {
      try {
        result.set(event.await(Duration.ofSeconds(20)));
      } catch (InterruptedException e) {
        result.set(null);
      }
    });
    waiter.start();
    LockTest.waitUntilBlocked(waiter);
    event.set();
    event.clear();
    waiter.join();
    assertThat(result.get()).isTrue();
  }

  @Test
  void negativeTimeoutIsRejected() {
    assertThatThrownBy(() -> event.await(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be >= 0 but was: PT-1S");
  }
}
