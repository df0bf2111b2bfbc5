package dev.interleave.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.interleave.report.Expectation;
import dev.interleave.report.RunMode;
import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PctPlanTest {

  @Test
  @DisplayName("p is 1/(n k^(d-1)): 1/81 for n=3, k=27, d=2; 1/n at depth 1")
  void perScheduleIsTheBound() {
    assertThat(PctPlan.of(3, 27, 2).perSchedule()).isCloseTo(1.0 / 81, within(1e-15));
    assertThat(PctPlan.of(2, 6, 3).perSchedule()).isCloseTo(1.0 / 72, within(1e-15));
    assertThat(PctPlan.of(4, 1000, 1).perSchedule()).isEqualTo(0.25);
  }

  @ParameterizedTest(name = "n={0} k={1} d={2} miss={3}: {4} schedules")
  @CsvSource({"3, 27, 2, 0.01, 371", "2, 8, 2, 0.1, 36", "4, 30, 2, 0.191, 198",
      "1, 5, 1, 0.5, 1", "2, 1, 1, 0.5, 1", "2, 1, 1, 0.25, 2", "2, 1, 1, 0.2, 3"})
  void schedulesForIsTheFewestThatReachTheTarget(int n, int k, int d, double miss, long want) {
    PctPlan plan = PctPlan.of(n, k, d);
    long got = plan.schedulesFor(miss);
    assertThat(got).isEqualTo(want);
    assertThat(plan.missProbability(got)).isLessThanOrEqualTo(miss);
    if (got > 1) {
      assertThat(plan.missProbability(got - 1)).isGreaterThan(miss);
    }
  }

  @Test
  @DisplayName("the issue's example: 200 clean schedules at n=3, k=27, d=2 miss with <= 0.083")
  void missProbabilityOfABudget() {
    PctPlan plan = PctPlan.of(3, 27, 2);
    assertThat(plan.missProbability(200)).isCloseTo(0.0834, within(1e-4));
    assertThat(plan.missProbability(0)).isEqualTo(1.0);
  }

  @Test
  @DisplayName("a bound too small for any count gives Long.MAX_VALUE, not an overflow")
  void hopelessPlans() {
    assertThat(PctPlan.of(1000, 1_000_000, 60).schedulesFor(0.01)).isEqualTo(Long.MAX_VALUE);
    assertThat(PctPlan.of(1000, 1_000_000, 60).describe(0.01)).contains("no count of schedules");
  }

  @Test
  void describesThePlanInWords() {
    assertThat(PctPlan.of(3, 27, 2).describe(0.01)).isEqualTo("n=3, k\u224827, d=2: p >= 0.0123"
        + " per schedule; 371 schedules miss a depth-2 bug with probability <= 0.01");
  }

  @Test
  @DisplayName("bad sizes name the size and its value")
  void badSizes() {
    assertThatThrownBy(() -> PctPlan.of(0, 27, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("processes n must be >= 1 but was: 0");
    assertThatThrownBy(() -> PctPlan.of(3, 0, 2)).hasMessage("steps k must be >= 1 but was: 0");
    assertThatThrownBy(() -> PctPlan.of(3, 27, -1))
        .hasMessage("depth d must be >= 1 but was: -1");
    assertThatThrownBy(() -> new PctPlan(3, 27, 2, 0.5))
        .hasMessageContaining("perSchedule must be 1/(n k^(d-1))").hasMessageEndingWith("0.5");
    assertThatThrownBy(() -> PctPlan.of(3, 27, 2).missProbability(-1))
        .hasMessage("schedules must be >= 0 but was: -1");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
  void aMissProbabilityOutsideTheOpenIntervalIsRejected(double miss) {
    assertThatThrownBy(() -> PctPlan.of(3, 27, 2).schedulesFor(miss))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("miss probability must be in (0, 1) but was: " + miss);
  }

  @Test
  @DisplayName("a run's bound and the plan for its sizes agree")
  void boundAndPlanAgree() {
    ExplorationResult.PctBound b = ExplorationResult.PctBound.of(4, 30, 2, 198);
    assertThat(b.plan()).isEqualTo(PctPlan.of(4, 30, 2));
    assertThat(b.missProbability()).isEqualTo(b.plan().missProbability(198));
    assertThat(b.describe()).isEqualTo("PCT with n=4 processes, k=30 steps, d=2 finds a depth-2"
        + " bug with p >= 0.00833 per schedule, so 198 schedules drawn over k steps miss it with"
        + " probability <= 0.191");
    assertThat(b.describe()).startsWith(b.describeOne());
  }

  @Test
  @DisplayName("the plan of a report reads the measured n and k and the depth; none without them")
  void measuredFromAReport() {
    assertThat(PctPlan.measured(report(Map.of("depth", "2", "processes", "4", "steps", "30"))))
        .contains(PctPlan.of(4, 30, 2));
    assertThat(PctPlan.measured(report(Map.of("depth", "2")))).isEmpty();
    assertThatThrownBy(() -> PctPlan.measured(report(Map.of("depth", "2", "processes", "x",
        "steps", "30")))).hasMessage("report parameter processes must be a number but was: x");
  }

  private static TestReport report(Map<String, String> params) {
    return new TestReport("C#m()", "C", "m", "m", null, RunMode.CONTROLLED, "pct", params, 1,
        Verdict.PASSED, Expectation.PASS, "no violation", 1, 1, false, 0, List.of(), List.of(),
        List.of());
  }
}
