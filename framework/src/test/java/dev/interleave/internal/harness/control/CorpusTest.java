package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.Mode;
import dev.interleave.harness.RaceDetectedError;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.internal.harness.CorpusFixtures;
import dev.interleave.internal.harness.Fixtures;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.model.ReplayToken;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.internal.schedule.ReplayScheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The regression corpus: failing tokens saved, then replayed first on every later run. */
@Timeout(180)
class CorpusTest {
  @TempDir
  Path dir;

  private Events run(String method) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(CorpusFixtures.Counter.class, method, Scenario.class.getName()))
        .configurationParameter(InterleaveProperties.CORPUS, dir.toString())
        .execute().allEvents();
  }

  private Path file(String method) {
    return dir.resolve(CorpusFixtures.Counter.class.getName() + "#" + method + ".tokens");
  }

  private static List<String> tokens(Path file) throws Exception {
    return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
  }

  @Test
  void aFailureIsSavedThenReplayedFirstWithoutExploring() throws Exception {
    assertThat(stderrOf("racy", 1)).contains("replay token is saved in the regression corpus "
        + file("racy"));
    Files.delete(file("racy"));
    RaceDetectedError first = (RaceDetectedError) ExpectationTest.failure(run("racy"));
    assertThat(first.getMessage()).doesNotContain("regression corpus");
    assertThat(tokens(file("racy"))).containsExactly(first.replay());
    String saved = Files.readString(file("racy"));

    RaceDetectedError again = (RaceDetectedError) ExpectationTest.failure(run("racy"));
    assertThat(again.getMessage()).contains("(replayed from the regression corpus "
        + file("racy") + ", line 2)").contains("found at schedule 1 of 1 (replay ");
    assertThat(again.replay()).isEqualTo(first.replay());
    assertThat(ExpectationTest.report(CorpusFixtures.Counter.class, "racy").schedulesExplored())
        .isEqualTo(1);
    assertThat(Files.readString(file("racy"))).as("no duplicate").isEqualTo(saved);
  }

  @Test
  void anExpectedViolationIsNotSavedButIsMetFromTheCorpus() throws Exception {
    assertThat(run("expected").failed().count()).isZero();
    assertThat(file("expected")).doesNotExist();

    ExpectationTest.failure(run("racy"));
    Files.copy(file("racy"), file("expected"));
    assertThat(run("expected").failed().count()).isZero();
    assertThat(ExpectationTest.report(CorpusFixtures.Counter.class, "expected")
        .schedulesExplored()).isEqualTo(1);
  }

  @Test
  void aTokenThatNoLongerFailsStaysAsAGuardAndTheRunPasses() throws Exception {
    String guard = "# the counter is locked now\n" + lockedTokenRecordingAFailure() + "\n";
    Files.writeString(file("locked"), guard);
    assertThat(stderrOf("locked", 0)).doesNotContain("regression corpus");
    assertThat(Files.readString(file("locked"))).isEqualTo(guard);
  }

  @Test
  void aMalformedOrDivergingTokenIsAWarningNotAFailure() throws Exception {
    ExpectationTest.failure(run("racy"));
    String racyToken = tokens(file("racy")).get(0);
    String lines = "not-a-token\n" + racyToken + "\n";
    Files.writeString(file("locked"), lines);
    assertThat(stderrOf("locked", 0)).contains("regression corpus " + file("locked")
        + ", line 1, is not a replay token").contains("regression corpus " + file("locked")
        + ", line 2, no longer replays (the test changed)");
    assertThat(Files.readString(file("locked"))).isEqualTo(lines);
  }

  /** What running {@code method} printed on stderr; it must end with {@code failures} failed. */
  private String stderrOf(String method, int failures) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Events events;
    try {
      events = run(method);
    } finally {
      System.setErr(err);
    }
    assertThat(events.failed().count()).isEqualTo(failures);
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noneDisablesSavingInTheDefaultDirectory() {
    Path defaultDir = Path.of(Corpus.DEFAULT_DIR);
    assertThat(defaultDir).doesNotExist();
    assertThat(EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(CorpusFixtures.Counter.class, "racy", Scenario.class.getName()))
        .configurationParameter(InterleaveProperties.CORPUS, "none")
        .execute().allEvents().failed().count()).isEqualTo(1);
    assertThat(defaultDir).doesNotExist();
  }

  /** A token of a passing locked-counter schedule that records the lost-update failure. */
  private static String lockedTokenRecordingAFailure() throws Exception {
    ScenarioSpec spec = new ScenarioSpec("locked");
    spec.body(Fixtures::lockedCounter);
    RunOptions options = new RunOptions(Strategy.PCT, Mode.CONTROLLED, 1, 3, 3, 2, 10_000,
        dev.interleave.harness.Expect.PASS, true, null, RunOptions.DEFAULT_MAX_STEPS);
    try (WorkerPool pool = new WorkerPool();
        ScheduleRunner runner = new ScheduleRunner(pool, spec, options, new Tally())) {
      ChoiceSource choices = ChoiceSource.random(3);
      ScheduleResult r = runner.run(1, new ReplayScheduler(new int[0], false), choices);
      assertThat(r.problem()).isNull();
      return ReplayToken.of(3, r.trace(), choices.draws(),
          Problem.invariant("counter == 0", "counter == 0 was violated", "1")).format();
    }
  }
}
