package dev.interleave.internal.harness;

import dev.interleave.internal.harness.Counterexample.Attempt;
import dev.interleave.internal.schedule.Scheduler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Explores a scenario: schedule after schedule until the budget, the space or the first failure
 * ends it; then confirms the failure replays identically and shrinks it.
 */
final class Explorer {
  /** How often a failure is replayed to check that the scenario is deterministic. */
  static final int DETERMINISM_CHECKS = 3;
  private final WorkerPool pool;
  private final ScenarioSpec scenario;
  private final RunOptions options;

  Explorer(WorkerPool pool, ScenarioSpec scenario, RunOptions options) {
    this.pool = pool;
    this.scenario = scenario;
    this.options = options;
  }

  Exploration explore() throws InterruptedException {
    long start = System.nanoTime();
    Tally tally = new Tally();
    Map<String, Long> outcomes = new LinkedHashMap<>();
    try (ScheduleRunner runner = new ScheduleRunner(pool, scenario, options, tally)) {
      Strategies strategies = new Strategies(options);
      int explored = 0;
      Counterexample failure = null;
      int planned = options.replay() != null ? 1 : options.schedules();
      for (int n = 1; n <= planned && failure == null; n++) {
        Attempt a = runOne(runner, strategies, n);
        if (a == null) {
          break;
        }
        explored++;
        strategies.observed(a.trace());
        if (a.result().outcome() != null) {
          outcomes.merge(a.result().outcome(), 1L, Long::sum);
        }
        if (a.result().problem() != null) {
          runner.countInto(new Tally());
          failure = counterexample(runner, n, a);
        }
      }
      boolean exhausted = options.replay() == null && strategies.exhausted();
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Exploration(options, planned, explored, exhausted, millis, outcomes,
          tally.snapshot(), failure, strategies.pctBound());
    }
  }

  private Attempt runOne(ScheduleRunner runner, Strategies strategies, int n)
      throws InterruptedException {
    if (options.replay() != null) {
      return Replays.user(runner, options.replay(), n);
    }
    Scheduler s = strategies.next(n);
    if (s == null) {
      return null;
    }
    ChoiceSource choices = ChoiceSource.random(strategies.inputSeed(n));
    return new Attempt(runner.run(n, s, choices), choices.draws());
  }

  private Counterexample counterexample(ScheduleRunner runner, int n, Attempt original)
      throws InterruptedException {
    Problem.Kind kind = original.result().problem().kind();
    if (options.replay() != null || !options.controlled() || kind == Problem.Kind.HANG) {
      // a hang costs its timeout on every re-run: reported as found
      return new Counterexample(original.result().problem(), n, original, original, null,
          options.seed());
    }
    for (int i = 0; i < DETERMINISM_CHECKS; i++) {
      Attempt again = Replays.check(runner, original, n);
      if (again.result().problem() != null
          && again.result().problem().kind() == Problem.Kind.DIVERGENCE) {
        return new Counterexample(again.result().problem(), n, original, again, null,
            options.seed());
      }
    }
    if (!options.shrink()) {
      return new Counterexample(original.result().problem(), n, original, original, null,
          options.seed());
    }
    Shrinker shrinker = new Shrinker(runner, original.result().problem(), n);
    Attempt shrunk = shrinker.shrink(original);
    return new Counterexample(shrunk.result().problem(), n, original, shrunk,
        shrinker.nearestPassing(), options.seed());
  }
}
