package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.Finding;
import dev.interleave.harness.FindingKind;
import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.RaceDetectedError;
import dev.interleave.harness.Scenario;
import dev.interleave.internal.harness.control.ExpectationTest;
import dev.interleave.report.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A user's replay checks every step against the token and says when a failure did not recur. */
@Timeout(120)
class ReplayCheckTest {

  @AfterEach
  void reset() {
    ExpectationFixtures.Flaky.fails = true;
    ExpectationFixtures.Flaky.label = "read";
  }

  private static Events replay(String token) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(ExpectationFixtures.Flaky.class, "flaky",
            Scenario.class.getName()))
        .configurationParameter(InterleaveProperties.REPLAY, token)
        .execute().allEvents();
  }

  private static String recordedToken() {
    Throwable t = ExpectationTest.failure(ExpectationTest.run(ExpectationFixtures.Flaky.class,
        "flaky"));
    String token = ((RaceDetectedError) t).replay();
    assertThat(token).matches("5:0\\.0:[^:]*:invariant~[0-9a-f]+:[A-Za-z0-9_-]{4}");
    return token;
  }

  @Test
  void aReplayThatPassesWhereTheTokenRecordedAFailureSaysItDidNotReproduce() throws Exception {
    String token = recordedToken();
    ExpectationFixtures.Flaky.fails = false;
    Throwable t = ExpectationTest.failure(replay(token));
    assertThat(t.getMessage()).startsWith("Not reproduced: the replay token recorded an"
        + " invariant failure, but its schedule ran to the end without one, every step as"
        + " recorded (2 steps)");
    Finding f = ((RaceDetectedError) t).finding();
    assertThat(f).isEqualTo(new Finding.NotReproduced(f.summary(), FindingKind.INVARIANT));
    assertThat(ExpectationTest.report(ExpectationFixtures.Flaky.class, "flaky").verdict())
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void aReplayThatReproducesFailsAlike() {
    String token = recordedToken();
    Throwable t = ExpectationTest.failure(replay(token));
    assertThat(t.getMessage()).startsWith("Invariant 'flaky' violated");
  }

  @Test
  void aReplayWhoseStepDiffersFromTheRecordDivergesAtThatStep() {
    String token = recordedToken();
    ExpectationFixtures.Flaky.label = "read again";
    Throwable t = ExpectationTest.failure(replay(token));
    assertThat(t.getMessage()).startsWith("Divergence: replay diverged at step 0: the record has"
        + " another operation or runnable set here; the run has process 0 at USER 'read again'"
        + " with processes [0] runnable");
  }

  @Test
  void aTokenWithoutFingerprintsStillReplaysItsDecisions() {
    String token = recordedToken();
    String[] parts = token.split(":");
    ExpectationFixtures.Flaky.fails = false;
    Events events = replay(parts[0] + ":" + parts[1]);
    assertThat(events.failed().count()).isZero();
  }
}
