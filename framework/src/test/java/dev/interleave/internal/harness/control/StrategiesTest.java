package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.harness.ExplorationResult.PctBound;
import dev.interleave.harness.Expect;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Strategy;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.internal.harness.options.RunOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PCT's k and n are measured over the run, and its bound counts only covering schedules. */
class StrategiesTest {

  private static RunOptions pct(Strategy strategy) {
    return new RunOptions(strategy, Mode.CONTROLLED, 10, 7, 2, 2, 10_000, Expect.PASS, true,
        null, RunOptions.DEFAULT_MAX_STEPS);
  }

  private static Trace trace(int processes, int steps) {
    List<String> names = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      names.add(p == 0 ? "main" : "Process-" + p);
    }
    List<Step> s = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      s.add(new Step(i, i % processes, "USER", null, null, null, false, List.of(0)));
    }
    return new Trace(names, s, -1);
  }

  @Test
  void theBoundUsesTheMostStepsAndProcessesAndCountsSchedulesDrawnOverThem() {
    Strategies s = new Strategies(pct(Strategy.PCT));
    s.next(1); // drawn over the first estimate, 20 steps
    s.observed(trace(3, 30));
    s.next(2); // drawn over 30
    s.observed(trace(4, 25));
    s.next(3); // drawn over 30
    s.observed(trace(2, 28));
    PctBound b = s.pctBound().orElseThrow();
    assertThat(b).isEqualTo(PctBound.of(4, 30, 2, 2));
    assertThat(b.perSchedule()).isEqualTo(1.0 / 120);
    assertThat(b.missProbability()).isEqualTo(Math.pow(1 - 1.0 / 120, 2));
    assertThat(b.describe()).isEqualTo("PCT with n=4 processes, k=30 steps, d=2 finds a depth-2"
        + " bug with p >= 0.00833 per schedule, so 2 schedules drawn over k steps miss it with"
        + " probability <= 0.983");
  }

  @Test
  void otherStrategiesHaveNoPctBound() {
    Strategies s = new Strategies(pct(Strategy.RANDOM));
    s.next(1);
    s.observed(trace(3, 30));
    assertThat(s.pctBound()).isEmpty();
  }
}
