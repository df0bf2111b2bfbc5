package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.Finding;
import dev.interleave.harness.RaceDetectedError;
import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.ExpectationFixtures;
import dev.interleave.internal.harness.report.ReportWriter;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** What a test expecting a violation is met by, and how findings reach a test. */
@Timeout(120)
public class ExpectationTest {

  public static Events run(Class<?> fixture, String method) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(fixture, method, Scenario.class.getName()))
        .execute().allEvents();
  }

  public static Throwable failure(Events events) {
    assertThat(events.failed().count()).as("failed events").isEqualTo(1);
    return events.failed().list().get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow();
  }

  public static TestReport report(Class<?> fixture, String method) throws Exception {
    return ReportJson.read(Path.of(System.getProperty("interleave.reports.dir",
        "target/interleave-reports")).resolve(ReportWriter.fileName(fixture.getName(), method)));
  }

  @Test
  void aBodysNullPointerExceptionFailsATestExpectingAnInvariantViolation() throws Exception {
    Throwable t = failure(run(ExpectationFixtures.Expectations.class,
        "npeIsNotTheExpectedViolation"));
    assertThat(t).isInstanceOf(RaceDetectedError.class);
    assertThat(t.getMessage())
        .startsWith("Exception: the scenario body threw java.lang.NullPointerException")
        .contains("String.length()")
        .endsWith("expected instead: a violation of invariant 'counter == 0' (expect = VIOLATION,"
            + " finding = INVARIANT, invariant = \"counter == 0\")");
    assertThat(((RaceDetectedError) t).finding()).isInstanceOf(Finding.UncaughtException.class);
    TestReport r = report(ExpectationFixtures.Expectations.class, "npeIsNotTheExpectedViolation");
    assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(r.reason()).startsWith("expected a violation of invariant 'counter == 0' but"
        + " found: the scenario body threw java.lang.NullPointerException");
  }

  @Test
  void aDeclaredDeadlockIsNotMetByAnInvariantViolation() {
    Throwable t = failure(run(ExpectationFixtures.Expectations.class,
        "invariantIsNotTheExpectedDeadlock"));
    assertThat(t.getMessage())
        .startsWith("Invariant 'counter == 0' violated: final invariant 'counter == 0' was"
            + " violated")
        .endsWith("expected instead: a deadlock (expect = VIOLATION, finding = DEADLOCK)");
    assertThat(((RaceDetectedError) t).finding().kind())
        .isEqualTo(dev.interleave.harness.FindingKind.INVARIANT);
  }

  @Test
  void theNamedInvariantMeetsTheExpectationAndVerifySeesIt() throws Exception {
    Events events = run(ExpectationFixtures.Expectations.class,
        "theNamedInvariantMeetsTheExpectation");
    assertThat(events.failed().count()).isZero();
    assertThat(report(ExpectationFixtures.Expectations.class,
        "theNamedInvariantMeetsTheExpectation").reason())
        .startsWith("the expected violation was found: final invariant 'counter == 0'");
  }

  @Test
  void anotherInvariantDoesNotMeetTheExpectation() {
    assertThat(failure(run(ExpectationFixtures.Expectations.class, "anotherInvariantDoesNotMeetIt"))
        .getMessage()).endsWith("expected instead: a violation of invariant 'other'"
            + " (expect = VIOLATION, finding = INVARIANT, invariant = \"other\")");
  }

  @Test
  void aFailingVerifyCheckFailsThePassingTestWithItsOwnError() throws Exception {
    Throwable t = failure(run(ExpectationFixtures.Expectations.class,
        "verifyFailsThePassingTest"));
    assertThat(t).isExactlyInstanceOf(AssertionError.class)
        .hasMessage("explored 3 schedules, found []");
    assertThat(report(ExpectationFixtures.Expectations.class, "verifyFailsThePassingTest")
        .reason()).isEqualTo("the scenario's verify check failed: java.lang.AssertionError:"
            + " explored 3 schedules, found []");
  }

  @Test
  void namingAFindingWithoutExpectingAViolationIsAConfigurationError() {
    assertThat(failure(run(ExpectationFixtures.Expectations.class, "passNamingAFinding"))
        .getMessage()).isEqualTo("@InterleaveTest method [passNamingAFinding] must declare"
            + " expect = VIOLATION when it names a finding or an invariant but was: PASS");
  }

  @Test
  void expectedEndsMatchExceptionSubtypesByClassNameAndDeclaredExitCodes() {
    ScenarioSpec spec = new ScenarioSpec("ends");
    spec.allowException(IllegalStateException.class).allowExitCode(3);
    ExpectedEnds ends = spec.ends();
    assertThat(ends.allowsException("java.lang.IllegalStateException")).isTrue();
    assertThat(ends.allowsException(new java.nio.channels.NonWritableChannelException()))
        .isTrue();
    assertThat(ends.allowsException("java.lang.NullPointerException")).isFalse();
    assertThat(ends.allowsException("com.example.NotLoadable")).isFalse();
    assertThat(ends.allowsExitCode(3)).isTrue();
    assertThat(ends.allowsExitCode(0)).isTrue();
    assertThat(ends.allowsExitCode(1)).isFalse();
  }
}
