package dev.interleave.internal.harness;

import dev.interleave.harness.ExplorationResult.PctBound;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What exploring one scenario found.
 *
 * @param outcomes outcome → schedules that ended with it, in first-seen order
 * @param failure the counterexample, or null
 * @param pct PCT's bound for the measured n and k, empty for other strategies and modes
 */
record Exploration(RunOptions options, int planned, int explored, boolean exhausted,
    long elapsedMillis, Map<String, Long> outcomes, List<Tally.Counts> invariants,
    Counterexample failure, Optional<PctBound> pct) {

  /** An exploration without a PCT bound. */
  Exploration(RunOptions options, int planned, int explored, boolean exhausted,
      long elapsedMillis, Map<String, Long> outcomes, List<Tally.Counts> invariants,
      Counterexample failure) {
    this(options, planned, explored, exhausted, elapsedMillis, outcomes, invariants, failure,
        Optional.empty());
  }
}
