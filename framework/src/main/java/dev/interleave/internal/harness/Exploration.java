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
 * @param failing how many explored schedules failed (more than one only when exploration went
 *     on after the first failure)
 */
record Exploration(RunOptions options, int planned, int explored, boolean exhausted,
    long elapsedMillis, Map<String, Long> outcomes, List<Tally.Counts> invariants,
    Counterexample failure, Optional<PctBound> pct, int failing) {

  /** An exploration that stopped at its first failure, if any. */
  Exploration(RunOptions options, int planned, int explored, boolean exhausted,
      long elapsedMillis, Map<String, Long> outcomes, List<Tally.Counts> invariants,
      Counterexample failure, Optional<PctBound> pct) {
    this(options, planned, explored, exhausted, elapsedMillis, outcomes, invariants, failure,
        pct, failure == null ? 0 : 1);
  }

  /** An exploration without a PCT bound. */
  Exploration(RunOptions options, int planned, int explored, boolean exhausted,
      long elapsedMillis, Map<String, Long> outcomes, List<Tally.Counts> invariants,
      Counterexample failure) {
    this(options, planned, explored, exhausted, elapsedMillis, outcomes, invariants, failure,
        Optional.empty());
  }
}
