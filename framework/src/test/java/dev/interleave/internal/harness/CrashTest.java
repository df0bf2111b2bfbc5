package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.control.ScenarioSpec;
import dev.interleave.internal.harness.model.ReplayToken;
import dev.interleave.internal.harness.report.ReportWriter;
import dev.interleave.internal.schedule.Candidate;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TraceStep;
import dev.interleave.report.StepKind;
import dev.interleave.report.TestReport;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Crash injection: a kill -9 at a scheduling point as one more seeded choice. */
@Timeout(600)
class CrashTest {
  private static final Class<?> FIXTURE = CrashFixtures.TwoValues.class;

  private static Events run(String method, String replay) {
    return run(FIXTURE, method, replay);
  }

  private static Events run(Class<?> fixture, String method, String replay) {
    var request = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(fixture, method, Scenario.class.getName()));
    if (replay != null) {
      request = request.configurationParameter(InterleaveProperties.REPLAY, replay);
    }
    return request.execute().allEvents();
  }

  private static String failureMessage(Events events) {
    assertThat(events.failed().count()).as("failed events").isEqualTo(1);
    return events.failed().list().get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow().getMessage();
  }

  private static TestReport report(String method) throws Exception {
    return report(FIXTURE, method);
  }

  private static TestReport report(Class<?> fixture, String method) throws Exception {
    return ReportJson.read(Path.of(System.getProperty("interleave.reports.dir",
        "target/interleave-reports")).resolve(ReportWriter.fileName(fixture.getName(), method)));
  }

  private static String token(String message) {
    Matcher m = Pattern.compile("-Dinterleave\\.replay=(\\S+)").matcher(message);
    assertThat(m.find()).as("a replay token in: %s", message).isTrue();
    return m.group(1);
  }

  private static long kills(String token) {
    return Arrays.stream(ReplayToken.parse(token).decisions())
        .filter(d -> d >= Candidate.KILL_BASE).count();
  }

  @Test
  @DisplayName("only the processes declared killable are killed; main never")
  void onlyDeclaredProcessesAreKilled() throws Exception {
    assertThat(run("noneKillable", null).failed().list()).as("failures").isEmpty();
    assertThat(report("noneKillable").schedulesExplored()).isEqualTo(45);
    ScenarioSpec spec = new ScenarioSpec("killable");
    assertThatThrownBy(() -> spec.killable("main")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a killable process must be named, and not main, but was: 'main'");
  }

  @Test
  @DisplayName("a holder killed between two guarded updates is found, shrunk to one kill, replayed")
  void aKillInsideTheCriticalSectionIsFoundShrunkAndReplayed() throws Exception {
    Events clean = run("noCrashes", null);
    assertThat(clean.failed().list()).as("failures without crashes").isEmpty();
    // crashes = 0 offers no kills: the exhaustive count is the one measured without the option
    assertThat(report("noCrashes").schedulesExplored()).isEqualTo(45);

    String message = failureMessage(run("oneCrash", null));
    assertThat(message).contains("invariant 'a == b'")
        .containsPattern("Process-\\d killed \\(injected\\) at step \\d+, inside lock#\\d");
    assertThat(Pattern.compile("killed \\(injected\\) at step").matcher(message).results()
        .count()).as("kill lines in: %s", message).isEqualTo(1);
    String token = token(message);
    assertThat(kills(token)).as("kills in the shrunk token %s", token).isEqualTo(1);

    dev.interleave.report.FindingReport finding = report("oneCrash").findings().get(0);
    assertThat(finding.summary()).as("the report's finding")
        .containsPattern("\\(Process-\\d killed \\(injected\\) at step \\d+, inside lock#\\d");
    dev.interleave.report.ScheduleTrace shrunk = finding.counterexample();
    assertThat(shrunk.steps()).filteredOn(s -> s.kind() == dev.interleave.report.StepKind
        .INJECTED_KILL).hasSize(1);

    // the token alone carries the kill: replayed on the method without crashes, it fails alike
    String replayed = failureMessage(run("noCrashes", token));
    assertThat(replayed).contains("invariant 'a == b'")
        .containsPattern("Process-\\d killed \\(injected\\) at step \\d+, inside lock#\\d");
  }

  @Test
  @DisplayName("a needed kill found late is moved to the earliest step where the failure happens")
  void aNeededKillMovesAsEarlyAsItCan() throws Exception {
    Class<?> fixture = CrashFixtures.LateKill.class;
    String message = failureMessage(run(fixture, "lateKill", null));
    TestReport report = report(fixture, "lateKill");
    List<TraceStep> found = report.findings().get(0).original().steps();
    List<TraceStep> shrunk = report.findings().get(0).shrunk().steps();
    // found late: after every write of c (value#1 is a, the first value written)
    assertThat(writesBeforeKill(found)).as("writes of c before the kill as found")
        .isEqualTo(CrashFixtures.LateKill.BETWEEN);
    // shrunk: the worker dies right after a's write, the first step after which a != b
    int kill = killStep(shrunk);
    assertThat(shrunk.get(kill - 1)).as("the step before the kill in %s", message)
        .satisfies(s -> assertThat(s.op() + " " + s.object()).isEqualTo("WRITE value#1"));
    assertThat(writesBeforeKill(shrunk)).isZero();
    assertThat(message).contains("Process-1 killed (injected) at step " + kill + ", inside ");
  }

  private static int killStep(List<TraceStep> steps) {
    return steps.stream().filter(s -> s.kind() == StepKind.INJECTED_KILL).findFirst()
        .orElseThrow().index();
  }

  /** Writes of values other than the first written (a) before the kill. */
  private static long writesBeforeKill(List<TraceStep> steps) {
    int kill = killStep(steps);
    return steps.stream().filter(s -> s.index() < kill && "WRITE".equals(s.op())
        && !"value#1".equals(s.object())).count();
  }

  @Test
  @DisplayName("what must survive a kill does: delivered queue items, a recovered lock's report")
  void whatMustSurviveAKillDoes() throws Exception {
    Class<?> fixture = CrashFixtures.Survivors.class;
    java.util.Map<String, java.util.List<String>> seen = java.util.Map.of(
        "queueItemsSurviveAKilledProducer", java.util.List.of("lived, 3 delivered",
            "killed, 0 delivered", "killed, 1 delivered", "killed, 2 delivered",
            "killed, 3 delivered"),
        "aKilledHolderIsRecoveredAndReported", java.util.List.of("lived", "killed, told",
            "killed, not told"));
    for (String method : seen.keySet()) {
      Events events = EngineTestKit.engine("junit-jupiter")
          .selectors(selectMethod(fixture, method, Scenario.class.getName())).execute()
          .allEvents();
      assertThat(events.failed().list()).as("%s failures", method).isEmpty();
      TestReport r = report(fixture, method);
      assertThat(r.exhausted()).as("%s exhausted", method).isTrue();
      assertThat(r.invariants()).as("%s invariants", method).singleElement()
          .satisfies(i -> assertThat(i.violations()).isZero())
          .satisfies(i -> assertThat(i.checks()).isEqualTo(r.schedulesExplored()));
      assertThat(r.outcomes()).as("%s: every kill point explored", method)
          .filteredOn(o -> o.count() > 0).extracting(o -> o.outcome())
          .containsExactlyInAnyOrderElementsOf(seen.get(method));
    }
  }
}
