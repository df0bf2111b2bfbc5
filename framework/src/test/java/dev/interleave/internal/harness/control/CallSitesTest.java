package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Strategy;
import dev.interleave.internal.harness.Fixtures;
import dev.interleave.internal.harness.control.Counterexample.Attempt;
import dev.interleave.internal.harness.model.ReplayToken;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.options.RunOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Call sites are captured only in the runs whose steps are shown: explored schedules run
 * without them, and a failing one is shown as its re-runs (determinism checks, shrinking) took
 * it, sites included; a user's replay captures them from the start.
 */
@Timeout(180)
class CallSitesTest {

  private static RunOptions options(long seed, boolean shrink, ReplayToken replay) {
    return new RunOptions(Strategy.RANDOM, Mode.CONTROLLED, 200, seed, 3, 2, 10_000,
        Expect.PASS, shrink, replay, RunOptions.DEFAULT_MAX_STEPS);
  }

  private static ScenarioSpec racy() {
    ScenarioSpec spec = new ScenarioSpec("racy");
    spec.body(Fixtures::racyCounter);
    return spec;
  }

  /** The user points of {@code a} (the counter's read and write), each with its site. */
  private static void assertUserStepsHaveSites(String what, Attempt a) {
    List<Step> user = a.trace().steps().stream().filter(s -> s.op().equals("USER")).toList();
    assertThat(user).as(what).isNotEmpty().allSatisfy(s -> assertThat(s.site()).as(what)
        .matches("Counters\\.java:\\d+"));
  }

  @Test
  void exploredSchedulesCaptureNoSiteAndTheShownFailureHasThem() throws Exception {
    for (boolean shrink : new boolean[] {true, false}) {
      List<Step> explored = new ArrayList<>();
      try (WorkerPool pool = new WorkerPool()) {
        Exploration e = new Explorer(pool, racy(), options(23, shrink, null))
            .observing(r -> explored.addAll(r.trace().steps())).explore();
        assertThat(e.failure()).as("shrink %s", shrink).isNotNull();
        assertThat(explored).as("explored steps").isNotEmpty()
            .allSatisfy(s -> assertThat(s.site()).as("explored step %s", s).isNull());
        assertUserStepsHaveSites("original, shrink " + shrink, e.failure().original());
        assertUserStepsHaveSites("shrunk, shrink " + shrink, e.failure().shrunk());
      }
    }
  }

  @Test
  void aReplayOfATokenCapturesTheSites() throws Exception {
    try (WorkerPool pool = new WorkerPool()) {
      Exploration found = new Explorer(pool, racy(), options(23, true, null)).explore();
      ReplayToken token = found.failure().replay();
      List<Step> replayed = new ArrayList<>();
      Exploration again = new Explorer(pool, racy(), options(23, true, token))
          .observing(r -> replayed.addAll(r.trace().steps())).explore();
      assertThat(again.failure()).isNotNull();
      assertThat(replayed).filteredOn(s -> s.op().equals("USER")).isNotEmpty()
          .allSatisfy(s -> assertThat(s.site()).matches("Counters\\.java:\\d+"));
    }
  }
}
