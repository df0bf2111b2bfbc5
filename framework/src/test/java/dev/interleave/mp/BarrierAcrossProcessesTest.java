package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class BarrierAcrossProcessesTest {
  private final Children children = new Children();
  private final SharedInts ints = new SharedInts(8);

  @AfterEach
  void cleanUp() throws InterruptedException {
    children.killAll();
    ints.release();
  }

  /** Five rounds; word 0 counts actions, word 1+round counts arrivals at the round. */
  static void rounds(Barrier barrier, SharedInts ints) throws Exception {
    for (int round = 0; round < 5; round++) {
      ints.incrementAndGet(1 + round);
      barrier.await(Children.WAIT);
      if (ints.get(1 + round) != 3 || ints.get(0) != round + 1) {
        throw new IllegalStateException("passed round " + round + " early");
      }
    }
  }

  @Test
  void threeProcessesPassEachRoundTogetherAndTheActionRunsOnce() throws Exception {
    SharedInts counts = ints;
    Barrier barrier = new Barrier(3, () -> counts.incrementAndGet(0));
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ps.add(children.start(new Process(BarrierAcrossProcessesTest::rounds, barrier, ints)));
    }
    rounds(barrier, ints);
    for (Process p : ps) {
      assertThat(Children.exitCodeOf(p)).isZero();
    }
    assertThat(ints.get(0)).isEqualTo(5);
  }

  static void awaitAndReport(Barrier barrier) throws Exception {
    try {
      barrier.await();
    } catch (BrokenBarrierException e) {
      System.exit(5);
    }
  }

  @Test
  void abortInTheParentBreaksAWaitingChild() throws Exception {
    Barrier barrier = new Barrier(2);
    Process p = children.start(new Process(BarrierAcrossProcessesTest::awaitAndReport,
        barrier));
    org.awaitility.Awaitility.await().atMost(Children.WAIT).until(() -> barrier.waiting() == 1);
    barrier.abort();
    assertThat(Children.exitCodeOf(p)).isEqualTo(5);
    assertThatThrownBy(() -> barrier.await(Duration.ofSeconds(1)))
        .isInstanceOf(BrokenBarrierException.class);
  }
}
