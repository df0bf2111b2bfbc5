package dev.interleave.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.harness.PctPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PCT against synthetic programs driven by a fake controller: process p runs {@code steps[p]}
 * steps, all runnable until done. A schedule is the list of (process, its step number) pairs.
 */
class PctSchedulerTest {

  /** One step of a synthetic schedule: process {@code p} ran its step {@code n} (from 1). */
  record Ran(int p, int n) {}

  /** Runs {@code steps} under {@code s}; returns what ran, in order. */
  static List<Ran> drive(Scheduler s, int... steps) {
    int[] done = new int[steps.length];
    List<Ran> out = new ArrayList<>();
    int last = -1;
    for (int step = 0; ; step++) {
      List<Candidate> runnable = new ArrayList<>();
      for (int p = 0; p < steps.length; p++) {
        if (done[p] < steps[p]) {
          runnable.add(new Candidate(p, "USER", "x", null));
        }
      }
      if (runnable.isEmpty()) {
        return out;
      }
      int current = done.length > 0 && last >= 0 && done[last] < steps[last] ? last : -1;
      int pick = s.pick(new StepView(step, current, runnable));
      done[pick]++;
      out.add(new Ran(pick, done[pick]));
      last = pick;
    }
  }

  /** The share of {@code seeds} PCT schedules of {@code steps} that show {@code bug}. */
  static double hitRate(int depth, int seeds, Predicate<List<Ran>> bug, int... steps) {
    int k = 0;
    for (int n : steps) {
      k += n;
    }
    int hits = 0;
    for (int seed = 0; seed < seeds; seed++) {
      if (bug.test(drive(new PctScheduler(new RecordedRandom(seed), depth, k), steps))) {
        hits++;
      }
    }
    return (double) hits / seeds;
  }

  static boolean before(List<Ran> order, Ran a, Ran b) {
    return order.indexOf(a) < order.indexOf(b);
  }

  /** The planner's p = 1/(n k^(d-1)) less four standard deviations of a rate over seeds. */
  static double boundWithinNoise(int n, int k, int d, int seeds) {
    double p = PctPlan.of(n, k, d).perSchedule();
    return p - 4 * Math.sqrt(p * (1 - p) / seeds);
  }

  /** The depth-2 bug of {@link #depthTwoBugMeetsTheBound}: b1 between a1 and a2. */
  static boolean depthTwoBug(List<Ran> o) {
    return before(o, new Ran(0, 1), new Ran(1, 1)) && before(o, new Ran(1, 1), new Ran(0, 2));
  }

  @Test
  @DisplayName("a depth-2 bug (b1 between a1 and a2) is hit at least at the rate 1/(n k)")
  void depthTwoBugMeetsTheBound() {
    int seeds = 20_000;
    double rate = hitRate(2, seeds, PctSchedulerTest::depthTwoBug, 4, 4);
    assertThat(rate).isGreaterThanOrEqualTo(boundWithinNoise(2, 8, 2, seeds));
  }

  @Test
  @DisplayName("a depth-3 bug (a1 < b1 < a2 < b2) is hit at least at the rate 1/(n k^2)")
  void depthThreeBugMeetsTheBound() {
    int seeds = 30_000;
    double rate = hitRate(3, seeds, o -> before(o, new Ran(0, 1), new Ran(1, 1))
        && before(o, new Ran(1, 1), new Ran(0, 2)) && before(o, new Ran(0, 2), new Ran(1, 2)),
        3, 3);
    assertThat(rate).isGreaterThanOrEqualTo(boundWithinNoise(2, 6, 3, seeds));
  }

  @Test
  @DisplayName("batches of the planner's N schedules (n=2, k=8, d=2, miss 0.1) all miss the bug"
      + " in at most a tenth of the batches")
  void plannedBudgetsMissAtMostAtTheTargetRate() {
    double miss = 0.1;
    long perBatch = PctPlan.of(2, 8, 2).schedulesFor(miss); // 36
    int batches = 1_000;
    int missed = 0;
    int seed = 0;
    for (int b = 0; b < batches; b++) {
      boolean hit = false;
      for (long i = 0; i < perBatch; i++, seed++) {
        hit |= depthTwoBug(drive(new PctScheduler(new RecordedRandom(seed), 2, 8), 4, 4));
      }
      missed += hit ? 0 : 1;
    }
    double sd = Math.sqrt(miss * (1 - miss) / batches);
    assertThat((double) missed / batches).isLessThanOrEqualTo(miss + 4 * sd);
    assertThat(perBatch).isEqualTo(36);
  }

  @Test
  @DisplayName("change points are distinct, in [1, k], and never dropped when the runner exits")
  void changePointsAreNeverDropped() {
    for (int seed = 0; seed < 500; seed++) {
      // six processes of one step each: every runner exits right after its step
      PctScheduler pct = new PctScheduler(new RecordedRandom(seed), 5, 6);
      int[] points = pct.changePoints();
      assertThat(points).hasSize(4).doesNotHaveDuplicates();
      assertThat(java.util.Arrays.stream(points).allMatch(p -> p >= 1 && p <= 6)).isTrue();
      drive(pct, 1, 1, 1, 1, 1, 1);
      long effective = java.util.Arrays.stream(points).filter(p -> p < 6).count();
      assertThat(pct.applied()).as("seed %d, points %s", seed, points).isEqualTo(effective);
    }
  }

  @Test
  @DisplayName("the i-th change point lowers the process that ran its step to i, even if it blocks")
  void aChangePointLowersABlockedRunner() {
    for (int seed = 0; seed < 200; seed++) {
      PctScheduler pct = new PctScheduler(new RecordedRandom(seed), 3, 4);
      int first = pct.pick(new StepView(0, -1, List.of(cand(0), cand(1))));
      // the runner blocks: only the other process can run at step 1, and so on
      int other = 1 - first;
      for (int step = 1; step <= 4; step++) {
        pct.pick(new StepView(step, step == 1 ? -1 : other, List.of(cand(other))));
      }
      int[] points = pct.changePoints();
      for (int i = 0; i < points.length; i++) {
        if (points[i] == 1) {
          assertThat(pct.priority(first)).as("seed %d", seed).isEqualTo(i + 1);
        }
      }
    }
  }

  @Test
  @DisplayName("which lowered process resumes first is random, not fixed by time order")
  void loweredPrioritiesFollowTheDrawNotTimeOrder() {
    int earlierLower = 0;
    int earlierHigher = 0;
    for (int seed = 0; seed < 400; seed++) {
      int[] p = new PctScheduler(new RecordedRandom(seed), 3, 10).changePoints();
      if (p[0] < p[1]) {
        earlierLower++; // change point 1 (priority 1) comes first
      } else {
        earlierHigher++;
      }
    }
    assertThat(earlierLower).isGreaterThan(150);
    assertThat(earlierHigher).isGreaterThan(150);
  }

  private static Candidate cand(int p) {
    return new Candidate(p, "USER", "x", null);
  }
}
