package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.report.ReportWriter;
import dev.interleave.report.DrawnInput;
import dev.interleave.report.FindingReport;
import dev.interleave.report.Grade;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import dev.interleave.report.TraceStep;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Generated inputs that shrink by deletion, processes removed while shrinking, trace
 * invariants and exploration that keeps counting after a failure: fixtures of {@link
 * PropertyFixtures} run through the engine test kit, their processes in real worker JVMs.
 */
@Timeout(240)
class PropertyTest {

  private static Events run(Class<?> fixture, String method, Map<String, String> params) {
    return EngineTestKit.engine("junit-jupiter").configurationParameters(params)
        .selectors(selectMethod(fixture, method, Scenario.class.getName()))
        .execute().allEvents();
  }

  private static Throwable failure(Events events) {
    assertThat(events.failed().count()).as("failed events").isEqualTo(1);
    return events.failed().list().get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow();
  }

  private static TestReport report(Class<?> fixture, String method) throws Exception {
    return ReportJson.read(Path.of(System.getProperty("interleave.reports.dir",
        "target/interleave-reports")).resolve(ReportWriter.fileName(fixture.getName(), method)));
  }

  private static String input(FindingReport f, boolean shrunk) {
    List<DrawnInput> in = (shrunk ? f.shrunk() : f.original()).inputs();
    return in.stream().filter(d -> d.name().equals("items")).findFirst().orElseThrow().value();
  }

  @Test
  void aGeneratedListShrinksByDeletionToItsMinimalFailingContent() throws Exception {
    Events events = run(PropertyFixtures.GeneratedList.class, "sevenBeforeThree", Map.of());
    assertThat(events.failed().count()).isZero();
    FindingReport f = report(PropertyFixtures.GeneratedList.class, "sevenBeforeThree")
        .findings().get(0);
    assertThat(input(f, false).split(",").length).as("original " + input(f, false))
        .isGreaterThan(2);
    assertThat(input(f, true)).isEqualTo("[7, 3]");
  }

  @Test
  void aGeneratedProgramShrinksToTwoProcessesOfOneIncrementEach() throws Exception {
    Events events = run(PropertyFixtures.Program.class, "program", Map.of());
    assertThat(events.failed().count()).isZero();
    FindingReport f = report(PropertyFixtures.Program.class, "program").findings().get(0);
    String shrunk = f.shrunk().inputs().get(0).value();
    assertThat(shrunk).as("from " + f.original().inputs().get(0).value())
        .isEqualTo("[[inc], [inc]]");
  }

  @Test
  void tenRacingProcessesShrinkToTheTwoThatMatter() {
    Throwable t = failure(run(PropertyFixtures.TenProcesses.class, "counted", Map.of()));
    assertThat(t.getMessage())
        .startsWith("Invariant 'counter == increments' violated")
        .contains("shrunk to 2 processes, 1 preemption,")
        .contains("removed Process-")
        .containsPattern("replay: -Dinterleave.replay=3:[^ ]*:[0-9,]+  or");
    String removed = t.getMessage().replaceAll("(?s).*removed ((Process-\\d+(, )?)+).*", "$1");
    assertThat(removed.split(", ")).hasSize(8);
    String token = t.getMessage()
        .replaceAll("(?s).*replay: -Dinterleave.replay=(\\S+) .*", "$1");
    Throwable again = failure(run(PropertyFixtures.TenProcesses.class, "counted",
        Map.of(InterleaveProperties.REPLAY, token)));
    assertThat(again.getMessage()).startsWith("Invariant 'counter == increments' violated")
        .contains("shrunk to 2 processes, 1 preemption,");
  }

  @Test
  void removingAProcessThatBreaksTheProgramInAnyOrderIsRefused() {
    Throwable t = failure(run(PropertyFixtures.TenProcesses.class, "fixed", Map.of()));
    assertThat(t.getMessage()).startsWith("Invariant 'counter == 3' violated")
        .contains("shrunk to 3 processes").doesNotContain("removed Process-");
  }

  @Test
  void aTraceInvariantOverASemaphoreCatchesTheFourthHolderAtTheStepItEntered()
      throws Exception {
    Throwable t = failure(run(PropertyFixtures.FourthHolder.class, "semaphore", Map.of()));
    assertThat(t.getMessage()).startsWith("Invariant 'at most 3 hold semaphore#1' violated:"
        + " invariant 'at most 3 hold semaphore#1' was violated after step ")
        .containsPattern("it saw step \\d+: Process-\\d ACQUIRE semaphore#1 'acquire'");
    List<TraceStep> steps = report(PropertyFixtures.FourthHolder.class, "semaphore")
        .findings().get(0).counterexample().steps();
    TraceStep broke = steps.stream().filter(TraceStep::violation).findFirst().orElseThrow();
    assertThat(broke.op()).isEqualTo("ACQUIRE");
    assertThat(holdersBefore(steps, broke.index())).hasSize(3).doesNotContain(broke.process());
  }

  /** The processes that had acquired and not released the semaphore before step {@code end}. */
  private static Set<String> holdersBefore(List<TraceStep> steps, int end) {
    Map<String, Integer> held = new HashMap<>();
    for (TraceStep s : steps.subList(0, end)) {
      if (s.op().equals("ACQUIRE") && !blockedAfter(steps, s)) {
        held.merge(s.process(), 1, Integer::sum);
      } else if (s.op().equals("RELEASE")) {
        held.remove(s.process());
      }
    }
    return held.keySet();
  }

  /** Whether the process's next step after {@code s} retries the same acquire. */
  private static boolean blockedAfter(List<TraceStep> steps, TraceStep s) {
    return steps.stream().skip(s.index() + 1L).filter(x -> x.process().equals(s.process()))
        .findFirst().map(x -> x.op().equals("ACQUIRE")).orElse(false);
  }

  @Test
  void keepingOnAfterAFailureReportsTheWholeHistogramAndTheShrunkCounterexample()
      throws Exception {
    Events events = run(PropertyFixtures.KeepCounting.class, "histogram", Map.of());
    assertThat(events.failed().count()).isZero();
    TestReport r = report(PropertyFixtures.KeepCounting.class, "histogram");
    assertThat(r.schedulesExplored()).isEqualTo(40);
    Map<String, OutcomeCount> outcomes = new HashMap<>();
    r.outcomes().forEach(o -> outcomes.put(o.outcome(), o));
    assertThat(outcomes.get("0").count() + outcomes.get("1").count()).isEqualTo(40);
    assertThat(outcomes.get("1").count()).isGreaterThan(1);
    assertThat(outcomes.get("1").grade()).isEqualTo(Grade.FORBIDDEN);
    assertThat(r.reason()).contains(outcomes.get("1").count() + " of 40 schedules failed");
    FindingReport f = r.findings().get(0);
    assertThat(f.shrunk().preemptions()).isEqualTo(1);
    assertThat(f.shrunk().outcome()).isEqualTo("1");
  }

  @Test
  void stopAtFirstIsOverriddenByItsProperty() throws Exception {
    run(PropertyFixtures.KeepCounting.class, "overridden",
        Map.of(InterleaveProperties.STOP_AT_FIRST, "false"));
    assertThat(report(PropertyFixtures.KeepCounting.class, "overridden").schedulesExplored())
        .isEqualTo(25);
    Throwable t = failure(run(PropertyFixtures.KeepCounting.class, "overridden",
        Map.of(InterleaveProperties.STOP_AT_FIRST, "sometimes")));
    assertThat(t).hasMessageContaining("configuration parameter interleave.stopAtFirst must be"
        + " true or false but was: sometimes");
  }
}
