package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.PctPlan;
import dev.interleave.harness.RaceDetectedError;
import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.control.ExpectationTest;
import dev.interleave.report.TestReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Configuration parameters and system properties win over the annotation. */
@Timeout(120)
class PropertyOverrideTest {

  private static Events run(String... keyValues) {
    var builder = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(ExpectationFixtures.Overrides.class, "seeded",
            Scenario.class.getName()));
    for (int i = 0; i < keyValues.length; i += 2) {
      builder.configurationParameter(keyValues[i], keyValues[i + 1]);
    }
    return builder.execute().allEvents();
  }

  private static TestReport report() throws Exception {
    return ExpectationTest.report(ExpectationFixtures.Overrides.class, "seeded");
  }

  @Test
  void aSystemPropertyOverridesANonZeroAnnotationSeed() throws Exception {
    String old = System.setProperty(InterleaveProperties.SEED, "77");
    try {
      RaceDetectedError e = (RaceDetectedError) ExpectationTest.failure(run());
      assertThat(e.seed()).isEqualTo(77);
      assertThat(e.getMessage()).contains("(pct, 2 schedules, seed 77)");
      assertThat(report().seed()).isEqualTo(77);
    } finally {
      if (old == null) {
        System.clearProperty(InterleaveProperties.SEED);
      } else {
        System.setProperty(InterleaveProperties.SEED, old);
      }
    }
  }

  @Test
  void aConfigurationParameterOverridesEveryOtherAttribute() throws Exception {
    Events events = run(InterleaveProperties.PCT_DEPTH, "4", InterleaveProperties.SHRINK, "false",
        InterleaveProperties.SCHEDULES, "3", InterleaveProperties.EXPECT, "violation",
        InterleaveProperties.INVARIANT, "counter == 0");
    assertThat(events.failed().count()).isZero();
    assertThat(report().strategyParams()).containsEntry("depth", "4")
        .containsKeys("processes", "steps"); // what PCT measured
    assertThat(PctPlan.measured(report()).orElseThrow().depth()).isEqualTo(4);
    assertThat(report().reason()).containsPattern("; PCT with n=\\d+ processes, k=\\d+ steps,"
        + " d=4 finds a depth-4 bug with p >= \\S+ per schedule");
    assertThat(report().schedulesPlanned()).isEqualTo(3);
  }

  @Test
  void aBadValueNamesThePropertyAndTheValue() {
    assertThat(ExpectationTest.failure(run(InterleaveProperties.PCT_DEPTH, "deep")).getMessage())
        .isEqualTo("configuration parameter interleave.pctDepth must be an int >= 1 but was:"
            + " deep");
    assertThat(ExpectationTest.failure(run(InterleaveProperties.PREEMPTION_BOUND, "-1"))
        .getMessage()).isEqualTo("configuration parameter interleave.preemptionBound must be an"
            + " int >= 0 but was: -1");
    assertThat(ExpectationTest.failure(run(InterleaveProperties.SHRINK, "maybe")).getMessage())
        .isEqualTo("configuration parameter interleave.shrink must be true or false but was:"
            + " maybe");
    assertThat(ExpectationTest.failure(run(InterleaveProperties.FINDING, "crash")).getMessage())
        .isEqualTo("configuration parameter interleave.finding must be one of invariant,"
            + " deadlock, hang, divergence, exception, not_reproduced, uncontrolled but was: crash");
  }
}
