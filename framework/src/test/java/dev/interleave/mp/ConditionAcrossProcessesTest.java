package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class ConditionAcrossProcessesTest {
  private final Children children = new Children();
  private final SharedInts ints = new SharedInts(2);

  @AfterEach
  void cleanUp() throws InterruptedException {
    children.killAll();
    ints.release();
  }

  /** Consumes {@code n} items (word 0) as a producer signals them. */
  static void consume(Condition cond, SharedInts ints, Integer n) throws Exception {
    for (int i = 0; i < n; i++) {
      try (Held held = cond.hold()) {
        cond.waitFor(() -> ints.get(0) > 0);
        ints.set(0, ints.get(0) - 1);
        ints.set(1, ints.get(1) + 1);
        cond.signalAll();
      }
    }
  }

  @Test
  void producerAndConsumersInDifferentProcesses() throws Exception {
    Condition cond = new Condition();
    List<Process> consumers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      consumers.add(children.start(new Process(ConditionAcrossProcessesTest::consume, cond,
          ints, 50)));
    }
    for (int i = 0; i < 100; i++) {
      try (Held held = cond.hold()) {
        cond.waitFor(() -> ints.get(0) < 3);
        ints.set(0, ints.get(0) + 1);
        cond.signalAll();
      }
    }
    for (Process p : consumers) {
      assertThat(Children.exitCodeOf(p)).isZero();
    }
    assertThat(ints.get(1)).isEqualTo(100);
    assertThat(ints.get(0)).isZero();
  }

  static void waitOnce(Condition cond, SharedInts ints) throws Exception {
    try (Held held = cond.hold()) {
      ints.incrementAndGet(0);
      cond.await();
      ints.incrementAndGet(1);
    }
  }

  @Test
  void signalWakesExactlyNWaitersOfOtherProcesses() throws Exception {
    Lock lock = new Lock();
    Condition cond = new Condition(lock);
    List<Process> waiters = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waiters.add(children.start(new Process(ConditionAcrossProcessesTest::waitOnce, cond,
          ints)));
    }
    org.awaitility.Awaitility.await().atMost(Children.WAIT).until(() -> ints.get(0) == 3);
    try (Held held = cond.hold()) {
      cond.signal(2);
    }
    org.awaitility.Awaitility.await().atMost(Children.WAIT)
        .until(() -> waiters.stream().filter(Process::isAlive).count() == 1);
    assertThat(ints.get(1)).isEqualTo(2);
    try (Held held = cond.hold()) {
      cond.signalAll();
    }
    for (Process p : waiters) {
      assertThat(Children.exitCodeOf(p)).isZero();
    }
    assertThat(ints.get(1)).isEqualTo(3);
  }
}
