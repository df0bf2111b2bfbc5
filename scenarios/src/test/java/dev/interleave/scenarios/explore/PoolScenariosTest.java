package dev.interleave.scenarios.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.report.Expectation;
import dev.interleave.report.FindingKind;
import dev.interleave.report.FindingReport;
import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The pool scenarios: the lost update among pool tasks is found and shrunk; the lock fixes it. */
@Timeout(300)
class PoolScenariosTest {
  private static final ScenarioRunner RUNNER = new ScenarioRunner();

  @AfterAll
  static void stopWorkers() {
    RUNNER.close();
  }

  @TempDir Path reports;

  private TestReport run(String id, String strategy, Integer schedules) throws Exception {
    return RUNNER.run(ScenarioCatalog.byId(id).orElseThrow(),
        new ScenarioRunner.Settings(strategy, schedules, 1L, reports, null));
  }

  @Test
  void aLostUpdateBetweenPoolTasksIsFoundAndShrunk() throws Exception {
    TestReport r = run("7.4-pool-racy", null, null);
    assertThat(r.expected()).isEqualTo(Expectation.VIOLATION);
    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.PASSED);
    FindingReport f = r.findings().get(0);
    assertThat(f.shrunk().processes()).contains("main").anyMatch(p -> p.startsWith("PoolWorker-"));
    assertThat(f.shrunk().steps().size()).isLessThanOrEqualTo(f.original().steps().size());
  }

  @Test
  void withALockEveryScheduleCountsEveryTask() throws Exception {
    TestReport r = run("7.4-pool-locked", null, 20);
    assertThat(r.verdict()).as(r.reason()).isEqualTo(Verdict.PASSED);
    assertThat(r.outcomes()).singleElement().satisfies(o -> assertThat(o.outcome()).isEqualTo("2"));
  }

  @Test
  void executorFuturesAreWaitedOnUnderControl() throws Exception {
    TestReport racy = run("7.5-executor-racy", null, null);
    assertThat(racy.verdict()).as(racy.reason()).isEqualTo(Verdict.PASSED);
    assertThat(racy.findings().get(0).shrunk().processes())
        .anyMatch(p -> p.startsWith("PoolWorker-"));
    TestReport locked = run("7.5-executor-locked", null, 20);
    assertThat(locked.verdict()).as(locked.reason()).isEqualTo(Verdict.PASSED);
    assertThat(locked.outcomes()).singleElement()
        .satisfies(o -> assertThat(o.outcome()).isEqualTo("2"));
  }

  @Test
  void aWorkerKilledAtAnInjectedPointFailsItsTaskInsteadOfHangingThePool() throws Exception {
    TestReport r = RUNNER.run(ScenarioCatalog.byId("7.5-executor-locked").orElseThrow(),
        new ScenarioRunner.Settings(null, 1, 1L, reports, null)
            .with(InterleaveProperties.CRASHES, "1").with(InterleaveProperties.SHRINK, "false"));
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.EXCEPTION);
      assertThat(f.summary()).contains("WorkerLostException: worker PoolWorker-")
          .contains("was killed by signal 9").contains("killed (injected)");
    });
  }

  @Test
  void applyIsSerialWhileApplyAsyncOverlaps() throws Exception {
    TestReport apply = run("7.1-apply", null, null);
    assertThat(apply.verdict()).as(apply.reason()).isEqualTo(Verdict.PASSED);
    TestReport async = run("7.1-apply-async", null, null);
    assertThat(async.outcomes()).anyMatch(o -> o.outcome().equals("overlapped"));
  }

  @Test
  void bothRunUnderStress() throws Exception {
    assertThat(run("7.4-pool-racy", "stress", 1).verdict()).isNotEqualTo(Verdict.ERROR);
    assertThat(run("7.4-pool-locked", "stress", 2).verdict()).isEqualTo(Verdict.PASSED);
  }
}
