package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.RaceDetectedError;
import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.control.WorkerPools;
import dev.interleave.internal.harness.report.ReportWriter;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The {@code @InterleaveTest} extension, run on nested fixtures through the engine test kit. */
@Timeout(180)
class HarnessExtensionTest {

  private static Events run(Class<?> fixture, String method) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(fixture, method, Scenario.class.getName()))
        .execute().allEvents();
  }

  private static Throwable failure(Events events) {
    assertThat(events.failed().count()).as("failed events").isEqualTo(1);
    return events.failed().list().get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"random", "pct", "pos", "exhaustive"})
  @DisplayName("a racy counter is found by every strategy and shrinks to 2 processes, 1 preemption")
  void racyCounterIsFoundAndShrunk(String strategy) throws Exception {
    Throwable t = failure(run(ExtensionFixtures.RacyCounter.class, strategy));
    assertThat(t).isInstanceOf(RaceDetectedError.class);
    assertThat(t.getMessage())
        .startsWith("Invariant 'counter == 0' violated: final invariant 'counter == 0' was violated;"
            + " it saw 1")
        .contains("shrunk to 2 processes, 1 preemption,")
        .contains("USER 'read num.txt'  at Counters.java:")
        .contains("seed: 11")
        .contains("replay: -Dinterleave.replay=11:");
    // the value the invariant judged is a field of the report's finding
    TestReport report = ReportJson.read(reportFile(ExtensionFixtures.RacyCounter.class, strategy));
    assertThat(report.findings().get(0).observed()).isEqualTo("1");
  }

  @Test
  void aTestExpectingAViolationPassesWhenOneIsFound() {
    Events events = run(ExtensionFixtures.RacyCounter.class, "expected");
    assertThat(events.failed().count()).isZero();
    assertThat(events.succeeded().count()).isGreaterThan(0);
  }

  @Test
  void aLockedCounterNeverFails() {
    assertThat(run(ExtensionFixtures.LockedCounter.class, "locked").failed().count()).isZero();
    assertThat(run(ExtensionFixtures.LockedCounter.class, "lockedExhaustive").failed().count()).isZero();
  }

  @Test
  void aProcessBlockedOnAnEmptyQueueRunsOnlyOnceAnItemArrives() throws Exception {
    assertThat(run(ExtensionFixtures.QueueHandOff.class, "handOff").failed().count()).isZero();
    TestReport report = ReportJson.read(reportFile(ExtensionFixtures.QueueHandOff.class,
        "handOff"));
    assertThat(report.exhausted()).isTrue();
    assertThat(report.schedulesExplored()).isGreaterThan(1);
  }

  @Test
  void exhaustiveSearchSaysWhenItsSpaceIsExhausted() throws Exception {
    run(ExtensionFixtures.LockedCounter.class, "lockedExhaustive");
    TestReport report = ReportJson.read(reportFile(ExtensionFixtures.LockedCounter.class,
        "lockedExhaustive"));
    assertThat(report.exhausted()).isTrue();
    assertThat(report.schedulesExplored()).isLessThan(500);
    assertThat(report.reason()).endsWith("(the space is exhausted)");
  }

  private static Path reportFile(Class<?> fixture, String method) {
    return Path.of(System.getProperty("interleave.reports.dir", "target/interleave-reports"))
        .resolve(ReportWriter.fileName(fixture.getName(), method));
  }

  @Test
  void aLockOrderReversalIsReportedAsADeadlockWithItsCycle() {
    Throwable t = failure(run(ExtensionFixtures.Deadlock.class, "reversal"));
    assertThat(t.getMessage()).startsWith("Deadlock: ")
        .containsPattern("Process-1 waits for \\S+, held by Process-2")
        .containsPattern("Process-2 waits for \\S+, held by Process-1");
    RaceDetectedError e = (RaceDetectedError) t;
    assertThat(e.finding()).isInstanceOf(dev.interleave.harness.Finding.Deadlock.class);
    assertThat(((dev.interleave.harness.Finding.Deadlock) e.finding()).cycle()).hasSize(2);
  }

  @Test
  void aHangIsReportedWithTheWorkersThreadDump() {
    Throwable t = failure(run(ExtensionFixtures.Hang.class, "hang"));
    assertThat(t.getMessage())
        .startsWith("Hang: Process-1 did not reach its next scheduling point within 2500 ms")
        .contains("thread dump of the hung process:")
        .contains("Fixtures.sleepForReal");
  }

  @Test
  void aBodyHungOutsideEverySchedulingPointIsReportedNotWaitedForForever() {
    Throwable t = failure(run(ExtensionFixtures.MainHang.class, "mainHang"));
    assertThat(t.getMessage())
        .startsWith("Hang: main did not reach its next scheduling point within 2500 ms")
        .contains("CompletableFuture.get");
  }

  @Test
  void uncontrolledRandomnessIsReportedAsDivergentOnReplay() {
    Throwable t = failure(run(ExtensionFixtures.Uncontrolled.class, "randomLabel"));
    assertThat(t.getMessage()).startsWith("Divergence: replay diverged at step 0: the record has"
        + " main USER 'draw ");
  }

  @Test
  void virtualSleepsOrderProcessesByWakeUpAndCostNothing() {
    long start = System.nanoTime();
    assertThat(run(ExtensionFixtures.VirtualTime.class, "sleepers").failed().count()).isZero();
    assertThat((System.nanoTime() - start) / 1_000_000_000L).isLessThan(60);
  }

  @Test
  void stressModeRunsProcessesInParallel() {
    assertThat(run(ExtensionFixtures.Stress.class, "stressLocked").failed().count()).isZero();
  }

  @Test
  void aReplayTokenRunsExactlyThatScheduleAndFailsAlike() {
    Throwable t = failure(run(ExtensionFixtures.Replay.class, "replayed"));
    assertThat(t.getMessage())
        .startsWith("Invariant 'counter == 0' violated")
        .contains("found at schedule 1 of 1 (replay 11:0.0.0.1.1.2.2.2.1.1.2.0.0:0)")
        .contains("replay: -Dinterleave.replay=11:0.0.0.1.1.2.2.2.1.1.2.0.0:0");
  }

  @Test
  void generatedInputsShrinkToTheSmallestFailingValue() {
    Throwable t = failure(run(ExtensionFixtures.Inputs.class, "bigInputsFail"));
    assertThat(((RaceDetectedError) t).replay().split(":")[2]).isEqualTo("10");
  }

  @Test
  void theNextRunReusesTheWorkersAndIdleWorkersStop() {
    String tag = ownPool();
    java.util.Set<Long> warm;
    try {
      java.util.Set<Long> before = childJvms();
      run(ExtensionFixtures.LockedCounter.class, "locked");
      warm = childJvms();
      warm.removeAll(before);
      assertThat(warm).isNotEmpty();
      run(ExtensionFixtures.LockedCounter.class, "locked"); // a new launcher session
      java.util.Set<Long> after = childJvms();
      assertThat(after).containsAll(warm);
      after.removeAll(before);
      assertThat(after).as("workers booted by the second run").isEqualTo(warm);
    } finally {
      System.clearProperty(tag);
    }
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20 + WorkerPools
        .DEFAULT_LINGER_MILLIS / 1000)).untilAsserted(
            () -> assertThat(childJvms()).doesNotContainAnyElementsOf(warm));
  }

  @Test
  void withNoLingerTheWorkersStopWhenTheRunEnds() throws InterruptedException {
    String tag = ownPool();
    System.setProperty(WorkerPools.LINGER_PROPERTY, "0");
    java.util.Set<Long> used = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic
        .AtomicBoolean(true);
    java.util.Set<Long> before = childJvms();
    Thread sampler = new Thread(() -> { // the run's workers, seen while it runs
      while (running.get()) {
        childJvms().stream().filter(pid -> !before.contains(pid)).forEach(used::add);
        Thread.onSpinWait();
      }
    });
    try {
      sampler.start();
      assertThat(run(ExtensionFixtures.LockedCounter.class, "locked").failed().count())
          .isZero();
    } finally {
      running.set(false);
      System.clearProperty(tag);
      System.clearProperty(WorkerPools.LINGER_PROPERTY);
    }
    sampler.join(10_000);
    assertThat(used).as("workers seen during the run").isNotEmpty();
    // the pool was closed with the session (its close waits for the JVMs' exits), not left to
    // linger the default 10 s: the JVMs are gone, or about to be reaped
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(
        WorkerPools.DEFAULT_LINGER_MILLIS * 3 / 4)).untilAsserted(
            () -> assertThat(childJvms()).doesNotContainAnyElementsOf(used));
  }

  @Test
  void aBadLingerSettingFailsTheTestNamingIt() {
    String old = System.setProperty(WorkerPools.LINGER_PROPERTY, "soon");
    try {
      assertThat(failure(run(ExtensionFixtures.LockedCounter.class, "locked")).getMessage())
          .isEqualTo(WorkerPools.LINGER_PROPERTY
              + " must be a number of milliseconds >= 0 but was: soon");
    } finally {
      if (old == null) {
        System.clearProperty(WorkerPools.LINGER_PROPERTY);
      } else {
        System.setProperty(WorkerPools.LINGER_PROPERTY, old);
      }
    }
  }

  /**
   * Sets a runtime setting of the test's own, so that the workers launched from now on form a
   * pool of their own; returns the property to clear.
   */
  private static String ownPool() {
    String tag = "interleave.test.poolTag";
    System.setProperty(tag, java.util.UUID.randomUUID().toString());
    return tag;
  }

  private static java.util.Set<Long> childJvms() {
    return ProcessHandle.current().descendants().filter(HarnessExtensionTest::isChildJvm)
        .map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
  }

  /** Whether {@code p} is a child JVM of the runtime (a harness worker among them). */
  static boolean isChildJvm(ProcessHandle p) {
    return p.info().commandLine().orElse("").contains("ChildMain");
  }

  @Test
  void zeroSchedulesIsAConfigurationError() {
    assertThat(failure(run(ExtensionFixtures.Misuse.class, "zeroSchedules")).getMessage())
        .isEqualTo("@InterleaveTest method [zeroSchedules] must declare schedules > 0 but was: 0");
  }

  @Test
  void aMethodThatRegistersNoBodyIsAConfigurationError() {
    assertThat(failure(run(ExtensionFixtures.Misuse.class, "noBody")).getMessage())
        .isEqualTo("@InterleaveTest method [noBody] must register a body with Scenario.body(...)"
            + " but registered: none");
  }

  @Test
  void everyHarnessTestWritesItsJsonReport() throws Exception {
    run(ExtensionFixtures.RacyCounter.class, "random");
    Path file = Path.of(System.getProperty("interleave.reports.dir", "target/interleave-reports"))
        .resolve(ReportWriter.fileName(ExtensionFixtures.RacyCounter.class.getName(), "random"));
    TestReport report = ReportJson.read(file);
    assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(report.seed()).isEqualTo(11);
    assertThat(report.findings()).hasSize(1);
    assertThat(report.findings().get(0).shrunk().preemptions()).isEqualTo(1);
    assertThat(report.findings().get(0).replay()).startsWith("11:");
    assertThat(report.findings().get(0).replayCommand())
        .startsWith("mvn -pl framework -am test -Dsurefire.failIfNoSpecifiedTests=false"
            + " '-Dtest=ExtensionFixtures$RacyCounter#random' -Dinterleave.replay=11:");
    assertThat(report.invariants().get(0).name()).isEqualTo("counter == 0");
  }
}
