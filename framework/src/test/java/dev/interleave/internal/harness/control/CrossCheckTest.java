package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.CrossCheckFixtures;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.internal.harness.report.ReportWriter;
import dev.interleave.report.CrossCheckReport;
import dev.interleave.report.CrossCheckRow;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Stress against control: a scenario run both ways, its outcome sets compared. */
@Timeout(600)
class CrossCheckTest {
  private static final Class<?> FIXTURE = CrossCheckFixtures.Sides.class;

  private static Events run(String method) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(FIXTURE, method, Scenario.class.getName()))
        .execute().allEvents();
  }

  private static Throwable failure(Events events) {
    assertThat(events.failed().count()).as("failed events").isEqualTo(1);
    return events.failed().list().get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow();
  }

  private static TestReport report(String method) throws Exception {
    return ReportJson.read(Path.of(System.getProperty("interleave.reports.dir",
        "target/interleave-reports")).resolve(ReportWriter.fileName(FIXTURE.getName(), method)));
  }

  @Test
  @DisplayName("outcomes seen under stress are reached under control: the test passes, both sets"
      + " reported")
  void agreeingSidesPass() throws Exception {
    assertThat(run("bothSidesAgree").failed().list()).as("failures").isEmpty();
    TestReport r = report("bothSidesAgree");
    CrossCheckReport c = r.crossCheck();
    assertThat(c).as("the report's stress against control").isNotNull();
    assertThat(c.controlStrategy()).isEqualTo("exhaustive");
    assertThat(c.controlExhausted()).isTrue();
    assertThat(c.stressRuns()).isEqualTo(6);
    assertThat(c.rows().stream().mapToLong(CrossCheckRow::stress).sum()).isEqualTo(6);
    assertThat(c.rows().stream().mapToLong(CrossCheckRow::control).sum())
        .isEqualTo(r.schedulesExplored());
    assertThat(c.rows()).extracting(CrossCheckRow::outcome).contains("1", "2");
    assertThat(c.missedByControl()).isEmpty();
    assertThat(c.searchedSchedules()).isZero();
    assertThat(r.reason()).contains("stress against control: 6 stress runs saw");
  }

  @Test
  @DisplayName("an outcome only real parallelism reaches fails the test, naming it")
  void anOutcomeControlCannotReachFailsTheTest() throws Exception {
    Throwable t = failure(run("controlMissesAnUncontrolledMeeting"));
    assertThat(t).isInstanceOf(AssertionError.class);
    assertThat(t.getMessage()).startsWith("stress against control: '2 saw the other' (")
        .contains("the controlled model misses behaviour the runtime has");
    CrossCheckReport c = report("controlMissesAnUncontrolledMeeting").crossCheck();
    assertThat(c.missedByControl()).extracting(CrossCheckRow::outcome)
        .containsExactly("2 saw the other");
    assertThat(c.searchedSchedules()).isEqualTo(CrossCheck.SEARCH_MIN);
    // under control one process always runs alone to its end before the other starts
    assertThat(c.rows()).filteredOn(row -> row.control() > 0).extracting(CrossCheckRow::outcome)
        .containsExactly("1 saw the other");
  }

  @Test
  @DisplayName("crossCheck on a stress-mode test is a configuration error naming the mode")
  void stressModeIsRefused() {
    assertThat(failure(run("stressModeCannotCrossCheck")).getMessage()).isEqualTo(
        "@InterleaveTest method [stressModeCannotCrossCheck] must declare mode = CONTROLLED when"
            + " it declares crossCheck but was: STRESS");
  }

  @Test
  @DisplayName("a schedule without an outcome counts as its finding, in a few words")
  void labels() {
    Trace none = null;
    assertThat(CrossCheck.label(new ScheduleResult(none, null, java.util.List.of())))
        .isEqualTo(CrossCheck.NO_FINDING);
    assertThat(CrossCheck.label(new ScheduleResult(none, Problem.invariant("a == b", "x"),
        java.util.List.of()))).isEqualTo("invariant violated: a == b");
    assertThat(CrossCheck.label(new ScheduleResult(none, Problem.exception("Process-1",
        "Process-1 raised", "java.lang.IllegalStateException: boom\n\tat x"),
        java.util.List.of()))).isEqualTo("exception: java.lang.IllegalStateException");
    assertThat(CrossCheck.label(new ScheduleResult(none, null, "7", java.util.List.of(),
        java.util.List.of()))).isEqualTo("7");
  }
}
