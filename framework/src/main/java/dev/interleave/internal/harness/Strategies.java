package dev.interleave.internal.harness;

import dev.interleave.internal.schedule.ExhaustiveSearch;
import dev.interleave.internal.schedule.PctScheduler;
import dev.interleave.internal.schedule.PosScheduler;
import dev.interleave.internal.schedule.RandomScheduler;
import dev.interleave.internal.schedule.RecordedRandom;
import dev.interleave.internal.schedule.Scheduler;

/** Makes the scheduler of each schedule of a run, from the run's one seed. */
final class Strategies {
  private final RunOptions options;
  private final ExhaustiveSearch exhaustive;
  private int expectedSteps = 20;

  Strategies(RunOptions options) {
    this.options = options;
    this.exhaustive = new ExhaustiveSearch(options.preemptionBound());
  }

  /** The scheduler of schedule {@code number} (from 1), or null when the space is exhausted. */
  Scheduler next(int number) {
    RecordedRandom random = new RecordedRandom(RecordedRandom.scheduleSeed(options.seed(), number));
    return switch (options.strategy()) {
      case RANDOM -> new RandomScheduler(random);
      case PCT -> new PctScheduler(random, options.pctDepth(), expectedSteps);
      case POS -> new PosScheduler(random);
      case EXHAUSTIVE -> exhaustive.next();
    };
  }

  /** Learns schedule lengths, where PCT draws its change points. */
  void observed(int steps) {
    expectedSteps = Math.max(expectedSteps, steps);
  }

  boolean exhausted() {
    return exhaustive.exhausted();
  }

  /** The seed of schedule {@code number}'s input draws (one input for exhaustive search). */
  long inputSeed(int number) {
    int n = options.strategy() == dev.interleave.harness.Strategy.EXHAUSTIVE ? 1 : number;
    return RecordedRandom.scheduleSeed(options.seed() ^ 0x5DEECE66DL, n); // fixed for search
  }
}
