package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.options.OptionsReader;
import dev.interleave.internal.harness.report.ReportWriter;
import dev.interleave.report.ReportJson;
import dev.interleave.report.RunMode;
import dev.interleave.report.TestReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The {@code interleave.strategy} configuration parameter overrides strategy and mode. */
@Timeout(120)
class StrategyOverrideTest {

  private static Events run(String strategy) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(ExtensionFixtures.LockedCounter.class, "locked",
            Scenario.class.getName()))
        .configurationParameter(OptionsReader.STRATEGY, strategy)
        .configurationParameter(OptionsReader.SCHEDULES, "2")
        .execute().allEvents();
  }

  private static TestReport report() throws Exception {
    return ReportJson.read(Path.of(System.getProperty("interleave.reports.dir",
        "target/interleave-reports")).resolve(ReportWriter.fileName(
            ExtensionFixtures.LockedCounter.class.getName(), "locked")));
  }

  @Test
  void stressReplacesTheModeAndNamedStrategiesTheStrategy() throws Exception {
    assertThat(run("stress").failed().count()).isZero();
    assertThat(report().mode()).isEqualTo(RunMode.STRESS);
    assertThat(run("POS").failed().count()).isZero();
    assertThat(report().mode()).isEqualTo(RunMode.CONTROLLED);
    assertThat(report().strategy()).isEqualTo("pos");
  }

  @Test
  void anUnknownStrategyIsAConfigurationError() {
    Events events = run("fifo");
    Throwable t = events.failed().list().get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow();
    assertThat(t.getMessage()).isEqualTo("configuration parameter interleave.strategy must be"
        + " one of random, pct, pos, exhaustive, stress but was: fifo");
  }
}
