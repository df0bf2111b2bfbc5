package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.report.ReportWriter;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Controlled runs do what the runtime does: no finding that cannot happen, none missed. */
@Timeout(300)
class FidelityTest {

  private static Events run(Class<?> fixture, String method) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(fixture, method, Scenario.class.getName()))
        .execute().allEvents();
  }

  private static String failureMessage(Events events) {
    assertThat(events.failed().count()).as("failed events").isEqualTo(1);
    return events.failed().list().get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow().getMessage();
  }

  private static void assertPasses(Events events) {
    assertThat(events.failed().list()).as("failures").isEmpty();
    assertThat(events.succeeded().count()).isGreaterThan(0);
  }

  private static TestReport report(Class<?> fixture, String method) throws Exception {
    return ReportJson.read(Path.of(System.getProperty("interleave.reports.dir",
        "target/interleave-reports")).resolve(ReportWriter.fileName(fixture.getName(), method)));
  }

  private static Map<String, Long> histogram(TestReport r) {
    return r.outcomes().stream().collect(Collectors.toMap(o -> o.outcome(), o -> o.count()));
  }

  @Test
  @DisplayName("an event set then cleared releases its waiter in every schedule: no false deadlock")
  void aSetThenClearPulseIsNotADeadlock() throws Exception {
    assertPasses(run(FidelityFixtures.Pulse.class, "setThenClear"));
    assertThat(report(FidelityFixtures.Pulse.class, "setThenClear").schedulesExplored())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("a terminated lock holder runs no finally block, exits -15, and its lock is taken over")
  void aTerminatedHolderIsDeadForItsLockAndRunsNoMoreCode() {
    assertPasses(run(FidelityFixtures.TerminatedHolder.class, "takenOver"));
  }

  @Test
  @DisplayName("an exception thrown in a child process fails a test that expects none")
  void aChildsExceptionIsAFinding() throws Exception {
    assertThat(failureMessage(run(FidelityFixtures.ChildThrows.class, "childThrows")))
        .startsWith("Exception: Process-1 threw java.lang.IllegalStateException: boom in the child");
    // the report keeps what the child printed in the failing schedule, standard error apart
    dev.interleave.report.ScheduleTrace failing = report(FidelityFixtures.ChildThrows.class,
        "childThrows").findings().get(0).counterexample();
    assertThat(failing.output()).singleElement().satisfies(o -> {
      assertThat(o.process()).isEqualTo("Process-1");
      assertThat(o.stdout()).isEqualTo("the child is about to throw\n");
      assertThat(o.stderr()).contains("java.lang.IllegalStateException: boom in the child");
    });
  }

  @Test
  @DisplayName("a timed acquire racing with the release is explored both ways")
  void aTimeoutRacesWithARelease() throws Exception {
    assertPasses(run(FidelityFixtures.TimeoutRace.class, "timedAcquire"));
    TestReport r = report(FidelityFixtures.TimeoutRace.class, "timedAcquire");
    assertThat(r.exhausted()).isTrue();
    assertThat(histogram(r)).containsOnlyKeys("acquired", "timed out");
  }

  @Test
  @DisplayName("a sleep's end races with another process's steps, in virtual time")
  void aSleepRacesWithProgress() throws Exception {
    assertPasses(run(FidelityFixtures.SleepRace.class, "sleepVersusWork"));
    TestReport r = report(FidelityFixtures.SleepRace.class, "sleepVersusWork");
    assertThat(histogram(r)).containsOnlyKeys("sleeper first", "worker first");
  }

  @Test
  @DisplayName("under stress, a slow process that keeps passing points is not a hang")
  void aSlowButAliveProcessIsNotAHangUnderStress() {
    assertPasses(run(FidelityFixtures.SlowButAlive.class, "slow"));
  }

  @Test
  @DisplayName("a thread started inside a controlled process that reaches a point is reported")
  void aUserThreadIsReported() {
    assertThat(failureMessage(run(FidelityFixtures.UserThread.class, "threadTakesALock")))
        .startsWith("Uncontrolled: in Process-1, thread 'helper-thread' reached a scheduling"
            + " point (ACQUIRE");
  }

  @Test
  @DisplayName("a process started by a controlled process is scheduled like main's")
  void aGrandchildIsControlled() {
    assertPasses(run(FidelityFixtures.UserThread.class, "grandchild"));
  }

  @Test
  @DisplayName("a daemonic grandchild ends with its parent; an orphan ends when its parent dies")
  void grandchildrenEndAsInTheRuntime() {
    assertPasses(run(FidelityFixtures.UserThread.class, "endsOfGrandchildren"));
  }

  @Test
  @DisplayName("a stress finding is re-run under control and reported with a replayable schedule")
  void aStressFindingIsReproducedUnderControl() {
    assertThat(failureMessage(run(FidelityFixtures.StressFindings.class, "reproduced")))
        .startsWith("Exception: Process-1 threw java.lang.IllegalStateException: boom in the child")
        .contains("(found under stress at schedule 1, reproduced under control)")
        .contains("replay: -Dinterleave.replay=");
  }

  @Test
  @DisplayName("state invariants are sampled under stress")
  void stateInvariantsAreSampledUnderStress() {
    assertThat(failureMessage(run(FidelityFixtures.StressFindings.class, "sampled")))
        .startsWith("Invariant 'no bad file' violated")
        .contains("(found under stress at schedule 1, reproduced under control)");
  }

  @Test
  @DisplayName("a stress finding that control does not reproduce says so")
  void aStressOnlyFindingIsMarkedAsAPossibleGap() {
    assertThat(failureMessage(run(FidelityFixtures.StressFindings.class, "stressOnly")))
        .startsWith("Invariant 'the nap took no real time' violated")
        .contains("found under stress only: 100 controlled PCT schedules did not reproduce it")
        .doesNotContain("replay: -Dinterleave.replay=");
  }

  @Test
  @DisplayName("a lock kept by a holder that exited normally is a real deadlock, and says why")
  void aLockKeptByANormalExitIsADeadlockThatSaysWhy() throws Exception {
    assertPasses(run(FidelityFixtures.ExitedHolder.class, "keptByANormalExit"));
    TestReport r = report(FidelityFixtures.ExitedHolder.class, "keptByANormalExit");
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.summary())
        .contains("main waits for lock#1, held by Process-1, which exited holding it"));
  }

  @Test
  @DisplayName("a cycle of RLock waits is reported when it closes, while a third process runs")
  void anRLockCycleIsADeadlockWhileOthersStillRun() throws Exception {
    assertPasses(run(FidelityFixtures.RLockCycle.class, "whileAThirdRuns"));
    TestReport r = report(FidelityFixtures.RLockCycle.class, "whileAThirdRuns");
    assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.summary())
        .contains("a wait-for cycle of RLocks")
        .containsPattern("Process-2 waits for rlock#\\d, held by Process-3")
        .containsPattern("Process-3 waits for rlock#\\d, held by Process-2"));
  }

  @Test
  @DisplayName("a controlled accept waits as a blocked step until a client process connects")
  void acceptAndConnectAreScheduled() throws Exception {
    assertPasses(run(FidelityFixtures.AcceptConnect.class, "acceptWaitsForTheClient"));
    TestReport r = report(FidelityFixtures.AcceptConnect.class, "acceptWaitsForTheClient");
    assertThat(r.exhausted()).isTrue();
    assertThat(histogram(r)).containsOnlyKeys("hello");
  }
}
