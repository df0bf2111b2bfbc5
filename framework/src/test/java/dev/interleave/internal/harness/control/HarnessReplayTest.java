package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Strategy;
import dev.interleave.internal.harness.control.Counterexample.Attempt;
import dev.interleave.internal.harness.Fixtures;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.report.FindingKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Replays of a failing schedule against its recorded trace. */
@Timeout(180)
class HarnessReplayTest {

  private static RunOptions options(long seed) {
    return new RunOptions(Strategy.RANDOM, Mode.CONTROLLED, 200, seed, 3, 2, 10_000,
        Expect.PASS, true, null, RunOptions.DEFAULT_MAX_STEPS);
  }

  @Test
  void aFailingSeedReplaysToTheIdenticalTrace100TimesOutOf100() throws Exception {
    ScenarioSpec spec = new ScenarioSpec("racy");
    spec.body(Fixtures::racyCounter);
    try (WorkerPool pool = new WorkerPool()) {
      Exploration e = new Explorer(pool, spec, options(23)).explore();
      assertThat(e.failure()).isNotNull();
      Attempt shrunk = e.failure().shrunk();
      try (ScheduleRunner runner = new ScheduleRunner(pool, spec, options(23), new Tally())) {
        for (int i = 0; i < 100; i++) {
          Attempt again = Replays.check(runner, shrunk, 1);
          assertThat(again.result().problem()).as("replay %d", i).isNotNull();
          assertThat(again.result().problem().kind()).as("replay %d", i)
              .isEqualTo(FindingKind.INVARIANT);
          assertThat(again.trace().firstDifference(shrunk.trace())).as("replay %d", i)
              .isEqualTo(-1);
        }
      }
    }
  }

  @Test
  void theSameSeedExploresTheSameSchedules() throws Exception {
    ScenarioSpec spec = new ScenarioSpec("racy");
    spec.body(Fixtures::racyCounter);
    try (WorkerPool pool = new WorkerPool()) {
      Exploration a = new Explorer(pool, spec, options(99)).explore();
      Exploration b = new Explorer(pool, spec, options(99)).explore();
      assertThat(a.failure().firstAt()).isEqualTo(b.failure().firstAt());
      assertThat(a.failure().original().trace().firstDifference(b.failure().original().trace()))
          .isEqualTo(-1);
      assertThat(a.failure().replay().format()).isEqualTo(b.failure().replay().format());
    }
  }
}
