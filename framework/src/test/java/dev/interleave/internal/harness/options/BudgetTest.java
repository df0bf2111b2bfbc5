package dev.interleave.internal.harness.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.ExpectationFixtures;
import dev.interleave.internal.harness.control.ExpectationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code interleave.time} and {@code interleave.shard}: parsing, checks and arithmetic. */
@Timeout(120)
class BudgetTest {

  private static Throwable failure(String... keyValues) {
    var builder = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(ExpectationFixtures.Overrides.class, "seeded",
            Scenario.class.getName()));
    for (int i = 0; i < keyValues.length; i += 2) {
      builder.configurationParameter(keyValues[i], keyValues[i + 1]);
    }
    return ExpectationTest.failure(builder.execute().allEvents());
  }

  @Test
  void durationsAreShortFormsOrIso() {
    assertThat(Budget.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Budget.duration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Budget.duration("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Budget.duration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Budget.duration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Budget.duration("soon")).isNull();
  }

  @Test
  void aShardRunsEveryNthScheduleAndATimeBudgetLiftsTheAnnotationsCount() {
    Budget second = new Budget(null, 2, 3, true);
    assertThat(second.last(10)).isEqualTo(10);
    assertThat(second.planned(10, 0)).isEqualTo(3); // 2, 5, 8
    assertThat(new Budget(null, 3, 3, true).planned(2, 0)).isZero();
    Budget timed = new Budget(Duration.ofSeconds(1), 1, 1, false);
    assertThat(timed.last(10)).isGreaterThan(1_000_000);
    assertThat(timed.planned(timed.last(10), 42)).isEqualTo(42);
    assertThat(new Budget(Duration.ofSeconds(1), 1, 1, true).last(10)).isEqualTo(10);
    assertThat(new Budget(Duration.ofSeconds(90), 2, 4, true).params())
        .containsEntry("time", "PT1M30S").containsEntry("shard", "2/4");
  }

  @Test
  void progressIsPublishedForTheFirstScheduleThenAtMostOncePerInterval() {
    java.util.List<java.util.Map<String, String>> entries = new java.util.ArrayList<>();
    ProgressReporter p = new ProgressReporter(entries::add, 1000);
    p.schedule(1, 10, 0, 100, null);
    p.schedule(2, 10, 0, 600, null);
    p.schedule(3, 10, 1, 1100, Duration.ofSeconds(5));
    assertThat(entries).extracting(e -> e.get(ProgressReporter.EXPLORED)).containsExactly("1",
        "3");
    assertThat(entries.get(0)).doesNotContainKey(ProgressReporter.BUDGET);
    assertThat(entries.get(1)).containsEntry(ProgressReporter.FINDINGS, "1")
        .containsEntry(ProgressReporter.PLANNED, "10")
        .containsEntry(ProgressReporter.BUDGET, "5000");
  }

  @Test
  void badValuesNameThePropertyAndTheValue() {
    assertThat(failure(InterleaveProperties.TIME, "soon").getMessage()).isEqualTo(
        "configuration parameter interleave.time must be a duration such as 30s, 10m, 2h,"
            + " 500ms or PT1H30M > 0 but was: soon");
    assertThat(failure(InterleaveProperties.TIME, "0s").getMessage()).endsWith("but was: 0s");
    assertThat(failure(InterleaveProperties.SHARD, "3/2").getMessage()).isEqualTo(
        "configuration parameter interleave.shard must be i/n with 1 <= i <= n but was: 3/2");
    assertThat(failure(InterleaveProperties.SHARD, "1/2", InterleaveProperties.STRATEGY,
        "exhaustive").getMessage()).isEqualTo("configuration parameter interleave.shard cannot"
            + " split an exhaustive search (its schedules follow from the ones before) but was:"
            + " 1/2 with strategy exhaustive");
  }
}
