package dev.interleave.scenarios.cli;

import static dev.interleave.scenarios.cli.InterleaveCommandTest.interleave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.harness.PctPlan;
import dev.interleave.scenarios.cli.InterleaveCommandTest.Result;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code interleave plan}: PCT's numbers for a scenario's measured size. */
@Timeout(120)
class PlanCommandTest {
  private static final Pattern PLAN = Pattern.compile("4\\.1-locked: n=(\\d+), k\u2248(\\d+),"
      + " d=2: p >= \\S+ per schedule; (\\d+) schedules miss a depth-2 bug with probability"
      + " <= 0\\.01\n");

  @Test
  void planMeasuresTheScenarioAndPrintsTheSchedulesNeeded() {
    Result r = interleave("plan", "4.1-locked", "--miss", "0.01", "--depth", "2",
        "--schedules", "3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Matcher m = PLAN.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    int n = Integer.parseInt(m.group(1));
    int k = Integer.parseInt(m.group(2));
    assertThat(n).isEqualTo(4); // main and three processes
    assertThat(k).isGreaterThanOrEqualTo(12); // each process acquires, reads, writes, releases
    long needed = Long.parseLong(m.group(3));
    assertThat(needed).isEqualTo(PctPlan.of(n, k, 2).schedulesFor(0.01));
    assertThat(r.out()).contains("measured over 3 PCT schedules (seed 1)",
        "run: interleave run 4.1-locked --strategy pct --depth 2 --schedules " + needed);
  }

  @Test
  void aStressScenarioIsMeasuredUnderControlAndGetsNoRunLine() {
    Result r = interleave("plan", "4.1-histogram-stress", "--schedules", "1", "--miss", "0.05");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("4.1-histogram-stress: n=").contains("measured over 1 PCT")
        .contains("probability <= 0.05").doesNotContain("run: ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--miss 1|--miss must be a probability in (0, 1), such as 0.01, but was: 1.0",
      "--miss 0|--miss must be a probability in (0, 1), such as 0.01, but was: 0.0",
      "--depth 0|--depth must be >= 1 but was: 0",
      "--schedules 0|--schedules must be > 0 but was: 0"})
  void badValuesAreBadUsage(String option, String message) {
    String[] o = option.split(" ");
    Result r = interleave("plan", "4.1-locked", o[0], o[1]);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(message);
  }

  @Test
  void anUnknownScenarioIsBadUsage() {
    Result r = interleave("plan", "9.9-nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown scenario: 9.9-nope; scenarios: ", "4.1-locked");
  }
}
