package dev.interleave.scenarios.cli;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.scenarios.explore.ScenarioRunner;
import dev.interleave.scenarios.explore.ScenarioRunner.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the selected tests one after another. A time budget is shared by this rule: each test
 * gets the time still left divided by the tests still to run, so time a test does not use (it
 * found a violation, exhausted its space or reached a {@code --schedules} cap) goes to the tests
 * after it. Every test runs at least one schedule.
 */
final class TargetRuns {
  /** Milliseconds between the harness's progress entries. */
  static final long PROGRESS_MILLIS = 500;

  private TargetRuns() {}

  static List<JunitXml.Case> run(List<Target> targets, ScenarioRunner.Settings settings,
      Duration time) {
    Progress progress = Progress.onStderr(targets.size());
    List<JunitXml.Case> cases = new ArrayList<>();
    PrintStream out = System.out;
    System.setOut(System.err); // what tests print must not mix with the summary
    long start = System.nanoTime();
    try (ScenarioRunner runner = new ScenarioRunner()) {
      for (int i = 0; i < targets.size(); i++) {
        Target t = targets.get(i);
        ScenarioRunner.Settings s = settings.with(InterleaveProperties.PROGRESS,
            Long.toString(PROGRESS_MILLIS));
        if (time != null) {
          s = s.with(InterleaveProperties.TIME, share(time, System.nanoTime() - start,
              targets.size() - i) + "ms");
        }
        progress.starting(t.id());
        SummaryRow row = runOne(runner, t, s, progress);
        cases.add(new JunitXml.Case(t.className(), t.method(), row));
        progress.finished(t.id(), row.verdict(), row.elapsedMillis());
      }
    } finally {
      System.setOut(out);
      progress.done();
    }
    return cases;
  }

  /** The milliseconds of the next test: what is left of {@code time} over {@code left} tests. */
  static long share(Duration time, long spentNanos, int left) {
    long remaining = time.toMillis() - spentNanos / 1_000_000;
    return Math.max(1, remaining / left);
  }

  private static SummaryRow runOne(ScenarioRunner runner, Target t,
      ScenarioRunner.Settings s, Progress progress) {
    long start = System.nanoTime();
    try {
      return SummaryRow.of(t.id(), runner.run(t, s, new ProgressListener(progress)));
    } catch (IOException | RuntimeException ex) {
      ex.printStackTrace(); // on stderr: why the test broke, with what broke it
      return SummaryRow.error(t.id(), s.seed(), (System.nanoTime() - start) / 1_000_000,
          ex.getMessage());
    }
  }
}
