package dev.interleave.internal.harness.control;

import dev.interleave.harness.Mode;
import dev.interleave.harness.Strategy;
import dev.interleave.internal.harness.control.Counterexample.Attempt;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.options.Budget;
import dev.interleave.internal.harness.options.ProgressReporter;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.internal.schedule.Scheduler;
import dev.interleave.report.FindingKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Explores a scenario: schedule after schedule until the budget, the space or the first failure
 * (unless told to keep counting) ends it; then confirms the first failure replays identically
 * and shrinks it.
 */
public final class Explorer {
  /** How often a failure is replayed to check that the scenario is deterministic. */
  static final int DETERMINISM_CHECKS = 3;
  private final WorkerPool pool;
  private final ScenarioSpec scenario;
  private final RunOptions options;
  private final Budget budget;
  private final ProgressReporter progress;
  private final boolean stopAtFirst;
  private java.util.function.Consumer<ScheduleResult> observer = r -> { };

  Explorer(WorkerPool pool, ScenarioSpec scenario, RunOptions options) {
    this(pool, scenario, options, Budget.NONE, ProgressReporter.NONE, true);
  }

  /**
   * An explorer within {@code budget}; unless {@code stopAtFirst}, it explores every planned
   * schedule after a failure, counting outcomes and failures, and shrinks the first failure at
   * the end.
   */
  public Explorer(WorkerPool pool, ScenarioSpec scenario, RunOptions options, Budget budget,
      ProgressReporter progress, boolean stopAtFirst) {
    this.pool = pool;
    this.scenario = scenario;
    this.options = options;
    this.budget = budget;
    this.progress = progress;
    this.stopAtFirst = stopAtFirst;
  }

  /** This explorer, telling {@code o} each explored schedule's result (not shrinking's). */
  Explorer observing(java.util.function.Consumer<ScheduleResult> o) {
    this.observer = o;
    return this;
  }

  public Exploration explore() throws InterruptedException {
    long start = System.nanoTime();
    Tally tally = new Tally();
    Map<String, Long> outcomes = new LinkedHashMap<>();
    try (ScheduleRunner runner = new ScheduleRunner(pool, scenario, options, tally)) {
      // a user's replay is shown whatever its end; explored schedules only if they fail, and
      // then as run again (the determinism checks and shrinking capture the sites)
      runner.captureSites(options.replay() != null);
      Strategies strategies = new Strategies(options);
      int explored = 0;
      long steps = 0;
      int failing = 0;
      int firstAt = 0;
      Attempt first = null;
      int last = options.replay() != null ? 1 : budget.last(options.schedules());
      for (int n = budget.shard(); n <= last && (first == null || !stopAtFirst)
          && budget.timeLeft(start); n += budget.shards()) {
        Attempt a = runOne(runner, strategies, n);
        if (a == null) {
          break;
        }
        strategies.observedSteps(runner.observedSteps());
        if (strategies.redundant()) {
          n -= budget.shards(); // abandoned as equivalent to an explored schedule: not one of them
          continue;
        }
        explored++;
        steps += a.trace().steps().size();
        observer.accept(a.result());
        progress.schedule(explored, budget.planned(last, -1), a.result().problem() == null ? 0
            : 1, System.nanoTime() - start, budget.time());
        strategies.observed(a.trace());
        if (a.result().outcome() != null) {
          outcomes.merge(a.result().outcome(), 1L, Long::sum);
        }
        if (a.result().problem() != null) {
          failing++;
          if (first == null) {
            first = a;
            firstAt = n;
          }
        }
      }
      boolean exhausted = options.replay() == null && strategies.exhausted();
      Counterexample failure = null;
      if (first != null) {
        runner.countInto(new Tally());
        runner.captureSites(true);
        failure = counterexample(runner, firstAt, first);
      }
      if (failure != null && !options.controlled()) {
        runner.close();
        failure = underControl(failure);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Exploration(options, budget.planned(last, explored), explored, exhausted,
          millis, outcomes, tally.snapshot(), failure, strategies.pctBound(), failing,
          strategies.reduction(), steps);
    }
  }

  /** The PCT schedules spent looking for a stress finding under control. */
  static final int CONTROL_BUDGET = 100;

  /**
   * Looks for a stress finding under control: a controlled schedule failing the same way gives
   * a counterexample that is shrunk and replayable; if none is found in {@value
   * #CONTROL_BUDGET} PCT schedules, the stress finding is reported as seen only under stress, a
   * possible gap in the controlled model. A stress hang matches a controlled deadlock or hang.
   */
  private Counterexample underControl(Counterexample stress) throws InterruptedException {
    Problem seen = stress.problem();
    RunOptions control = new RunOptions(Strategy.PCT, Mode.CONTROLLED, CONTROL_BUDGET,
        options.seed(), options.pctDepth(), options.preemptionBound(), options.timeoutMillis(),
        options.expect(), options.finding(), options.invariant(), options.shrink(), null,
        options.maxSteps());
    Counterexample c = new Explorer(pool, scenario, control).explore().failure();
    if (c != null && (c.problem().sameAs(seen) || seen.kind() == FindingKind.HANG
        && c.problem().kind() == FindingKind.DEADLOCK)) {
      return new Counterexample(note(c.problem(), "found under stress at schedule "
          + stress.firstAt() + ", reproduced under control"), c.firstAt(), c.original(),
          c.shrunk(), c.nearestPassing(), c.seed(), c.shrinking());
    }
    return new Counterexample(note(seen, "found under stress only: " + CONTROL_BUDGET
        + " controlled PCT schedules did not reproduce it, so the controlled model may miss"
        + " this behaviour (a possible fidelity gap)"), stress.firstAt(), stress.original(),
        stress.shrunk(), stress.nearestPassing(), stress.seed());
  }

  static Problem note(Problem p, String note) {
    return new Problem(p.kind(), p.invariant(), p.summary() + " (" + note + ")", p.waitFor(),
        p.threadDump(), p.stackTrace(), p.process(), p.observed());
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
    return Attempt.of(runner.run(n, s, choices), choices);
  }

  private Counterexample counterexample(ScheduleRunner runner, int n, Attempt original)
      throws InterruptedException {
    FindingKind kind = original.result().problem().kind();
    if (options.replay() != null || !options.controlled() || kind == FindingKind.HANG) {
      // a hang costs its timeout on every re-run: reported as found
      return new Counterexample(original.result().problem(), n, original, original, null,
          options.seed());
    }
    Attempt shown = original; // explored without call sites: a re-run shows it with them
    for (int i = 0; i < DETERMINISM_CHECKS; i++) {
      Attempt again = Replays.check(runner, original, n);
      if (again.result().problem() != null
          && again.result().problem().kind() == FindingKind.DIVERGENCE) {
        return new Counterexample(again.result().problem(), n, original, again, null,
            options.seed());
      }
      if (sameRun(original, again)) {
        shown = again;
      }
    }
    if (!options.shrink()) {
      return new Counterexample(original.result().problem(), n, shown, shown, null,
          options.seed());
    }
    Shrinker shrinker = new Shrinker(runner, original.result().problem(), n);
    Attempt shrunk = shrinker.shrink(original);
    if (shrunk == original) {
      shrunk = shown; // nothing smaller failed: the failure as re-run, with its call sites
    }
    return new Counterexample(shrunk.result().problem(), n, shown, shrunk,
        shrinker.nearestPassing(), options.seed(), shrinker.progress(original, shrunk));
  }

  /** Whether {@code again} took every step of {@code original} and failed the same way. */
  private static boolean sameRun(Attempt original, Attempt again) {
    Problem p = again.result().problem();
    return p != null && p.sameAs(original.result().problem())
        && again.trace().firstDifference(original.trace()) == -1;
  }
}
