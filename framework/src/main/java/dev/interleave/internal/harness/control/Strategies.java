package dev.interleave.internal.harness.control;

import dev.interleave.harness.ExplorationResult.PctBound;
import dev.interleave.harness.Strategy;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.internal.schedule.ExhaustiveSearch;
import dev.interleave.internal.schedule.PctScheduler;
import dev.interleave.internal.schedule.PosScheduler;
import dev.interleave.internal.schedule.RandomScheduler;
import dev.interleave.internal.schedule.RecordedRandom;
import dev.interleave.internal.schedule.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the scheduler of each schedule of a run, from the run's one seed, and measures the run
 * for PCT: k, the most steps a schedule took so far (the first schedule draws its change points
 * over an estimate), and n, the most processes. PCT's bound then counts only the schedules whose
 * change points were drawn over at least the final k, since the guarantee needs k to cover the
 * whole schedule.
 */
final class Strategies {
  /** PCT's k before any schedule was measured. */
  static final int FIRST_ESTIMATE = 20;
  private final RunOptions options;
  private final ExhaustiveSearch exhaustive;
  private final List<Integer> drawnOver = new ArrayList<>();
  private int maxSteps;
  private int maxProcesses;

  Strategies(RunOptions options) {
    this.options = options;
    this.exhaustive = new ExhaustiveSearch(options.preemptionBound(), options.reduce());
  }

  /** The scheduler of schedule {@code number} (from 1), or null when the space is exhausted. */
  Scheduler next(int number) {
    RecordedRandom random = new RecordedRandom(RecordedRandom.scheduleSeed(options.seed(), number));
    return switch (options.strategy()) {
      case RANDOM -> new RandomScheduler(random);
      case PCT -> pct(random);
      case POS -> new PosScheduler(random);
      case EXHAUSTIVE -> exhaustive.next();
    };
  }

  private Scheduler pct(RecordedRandom random) {
    int k = maxSteps > 0 ? maxSteps : FIRST_ESTIMATE;
    drawnOver.add(k);
    return new PctScheduler(random, options.pctDepth(), k);
  }

  /** Learns a schedule's length and process count (main included). */
  void observed(Trace trace) {
    maxSteps = Math.max(maxSteps, trace.steps().size());
    maxProcesses = Math.max(maxProcesses, trace.processes().size());
  }

  /** PCT's bound for what was measured; empty unless this is a controlled PCT run. */
  Optional<PctBound> pctBound() {
    if (options.strategy() != Strategy.PCT || !options.controlled() || options.replay() != null
        || maxSteps == 0) {
      return Optional.empty();
    }
    int covering = (int) drawnOver.stream().filter(k -> k >= maxSteps).count();
    return Optional.of(PctBound.of(maxProcesses, maxSteps, options.pctDepth(), covering));
  }

  boolean exhausted() {
    return exhaustive.exhausted();
  }

  /**
   * Learns after each schedule whether the body checks what can tell equivalent schedules apart;
   * the exhaustive search then stops reducing (and, if it already pruned, no longer claims to be
   * exhaustive).
   */
  void observedSteps(boolean observes) {
    if (observes && exhaustive.reducing()) {
      exhaustive.reduce(false);
    }
  }

  /** Whether the last schedule was abandoned as equivalent to one explored before. */
  boolean redundant() {
    return options.strategy() == Strategy.EXHAUSTIVE && exhaustive.redundant();
  }

  /** The reduction's figures, or null unless this is a reducing exhaustive search. */
  Exploration.Reduction reduction() {
    if (options.strategy() != Strategy.EXHAUSTIVE || !options.reduce()) {
      return null;
    }
    return new Exploration.Reduction(exhaustive.reducing(),
        options.preemptionBound() != Integer.MAX_VALUE, exhaustive.redundantRuns());
  }

  /** The seed of schedule {@code number}'s input draws (one input for exhaustive search). */
  long inputSeed(int number) {
    int n = options.strategy() == Strategy.EXHAUSTIVE ? 1 : number;
    return RecordedRandom.scheduleSeed(options.seed() ^ 0x5DEECE66DL, n); // fixed for search
  }
}
