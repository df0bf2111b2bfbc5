package dev.interleave.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.mp.Barrier;
import dev.interleave.mp.Children;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Items through one queue from 4 producer to 4 consumer JVMs, 20,000 in verify and 1,000,000
 * at full size: none lost, none delivered twice, each producer's items in order. Measured: the
 * wall time once all 8 ran to the last consumer's report, and the rate.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class QueueMillionItemsTest {
  private static final int PRODUCERS = 4;
  private static final int CONSUMERS = 4;
  @RegisterExtension
  final Children children = new Children();

  @Test
  void fourProducersAndFourConsumersMoveEveryItemExactlyOnce() throws Exception {
    int total = FaultSize.pick(20_000, 1_000_000);
    int each = total / PRODUCERS;
    Queue<Long> q = new Queue<>();
    Queue<long[]> results = new Queue<>();
    Barrier start = new Barrier(PRODUCERS + CONSUMERS + 1);
    for (int c = 0; c < CONSUMERS; c++) {
      children.start(new Process(FaultTargets::consume, q, results, start));
    }
    List<Process> producers = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      producers.add(children.start(new Process(FaultTargets::produce, q, p, each, start)));
    }
    start.await(Children.WAIT.multipliedBy(2)); // JVM start-up is not in the figure
    long t0 = System.nanoTime();
    for (Process p : producers) {
      assertThat(Children.exitCodeOf(p)).isZero();
    }
    for (int c = 0; c < CONSUMERS; c++) {
      q.put(null);
    }
    int[][] seen = new int[PRODUCERS][each];
    for (int c = 0; c < CONSUMERS; c++) {
      tally(results.get(Children.WAIT.multipliedBy(4)), seen);
    }
    long nanos = System.nanoTime() - t0;
    long lost = count(seen, n -> n == 0);
    long duplicated = count(seen, n -> n > 1);
    assertThat(lost).as("items lost").isZero();
    assertThat(duplicated).as("items delivered more than once").isZero();
    Figures.report("1,000,000 queue items, 4 producers, 4 consumers", String.format(
        java.util.Locale.ROOT, "%,d items in %.1f s (%,.0f items/s once all 8 ran);"
        + " 0 lost, 0 duplicated, each producer's items in order", total, nanos / 1e9,
        total / (nanos / 1e9)));
  }

  /** Counts what one consumer got into {@code seen}, checking each producer's order. */
  private static void tally(long[] got, int[][] seen) {
    long[] last = new long[PRODUCERS];
    java.util.Arrays.fill(last, -1);
    for (long x : got) {
      int p = (int) (x / 1_000_000);
      int seq = (int) (x % 1_000_000);
      assertThat(seq).as("items of producer %d arrive in order", p).isGreaterThan((int) last[p]);
      last[p] = seq;
      seen[p][seq]++;
    }
  }

  private static long count(int[][] seen, java.util.function.IntPredicate which) {
    return java.util.Arrays.stream(seen).flatMapToInt(java.util.Arrays::stream).filter(which)
        .count();
  }
}
