package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BarrierTest {
  static final AtomicInteger ACTIONS = new AtomicInteger();

  @Test
  void partiesPassTogetherWithDistinctIndicesAndTheActionRunsOncePerGeneration()
      throws Exception {
    ACTIONS.set(0);
    Barrier barrier = new Barrier(3, BarrierTest::countAction);
    ConcurrentLinkedQueue<Object> results = new ConcurrentLinkedQueue<>();
    for (int round = 0; round < 3; round++) {
      List<Thread> threads = new ArrayList<>();
      for (Barrier b : List.of(barrier, Copies.of(barrier), Copies.of(barrier))) {
        threads.add(new Thread(() -> results.add(awaitQuietly(b))));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join(20_000);
      }
    }
    assertThat(results).hasSize(9).containsOnly(0, 1, 2);
    assertThat(results.stream().filter(r -> r.equals(2))).hasSize(3);
    assertThat(ACTIONS.get()).isEqualTo(3);
    barrier.close();
  }

  private static void countAction() {
    ACTIONS.incrementAndGet();
  }

  private static Object awaitQuietly(Barrier b) {
    try {
      return b.await(Duration.ofSeconds(20));
    } catch (Exception e) {
      return e;
    }
  }

  @Test
  void abortBreaksWaitersAndLaterCallsUntilReset() throws Exception {
    Barrier barrier = new Barrier(2);
    ConcurrentLinkedQueue<Object> results = new ConcurrentLinkedQueue<>();
    Thread waiter = new Thread(() -> results.add(awaitQuietly(barrier)));
    waiter.start();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> barrier.waiting() == 1);
    barrier.abort();
    waiter.join(10_000);
    assertThat(results.poll()).isInstanceOf(BrokenBarrierException.class);
    assertThat(barrier.isBroken()).isTrue();
    assertThatThrownBy(barrier::await)
        .isInstanceOf(BrokenBarrierException.class)
        .hasMessageEndingWith(" is broken");
    barrier.reset();
    assertThat(barrier.isBroken()).isFalse();
    barrier.close();
  }

  @Test
  void resetBreaksCurrentWaitersOnly() throws Exception {
    Barrier barrier = new Barrier(2);
    ConcurrentLinkedQueue<Object> results = new ConcurrentLinkedQueue<>();
    Thread waiter = new Thread(() -> results.add(awaitQuietly(barrier)));
    waiter.start();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> barrier.waiting() == 1);
    barrier.reset();
    waiter.join(10_000);
    assertThat(results.poll()).isInstanceOf(BrokenBarrierException.class);
    assertThat(barrier.isBroken()).isFalse();
    Thread other = new Thread(() -> results.add(awaitQuietly(barrier)));
    other.start();
    assertThat(barrier.await(Duration.ofSeconds(20))).isIn(0, 1);
    other.join(10_000);
    assertThat(results.poll()).isIn(0, 1);
    barrier.close();
  }

  @Test
  void aTimeoutBreaksTheBarrier() {
    Barrier barrier = new Barrier(2, null, Duration.ofMillis(50));
    assertThatThrownBy(barrier::await)
        .isInstanceOf(BrokenBarrierException.class)
        .hasMessageEndingWith(" is broken (this wait timed out after PT0.05S)");
    assertThat(barrier.isBroken()).isTrue();
    barrier.close();
  }

  @Test
  void aFailingActionBreaksTheBarrierAndPropagates() {
    Barrier barrier = new Barrier(1, () -> {
      throw new IllegalStateException("boom");
    });
    assertThatThrownBy(barrier::await).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(barrier.isBroken()).isTrue();
    barrier.close();
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> new Barrier(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parties must be >= 1 but was: 0");
    assertThatThrownBy(() -> new Barrier(2, null, Duration.ofSeconds(-3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be >= 0 but was: PT-3S");
  }
}
