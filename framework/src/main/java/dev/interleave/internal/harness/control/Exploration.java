package dev.interleave.internal.harness.control;

import dev.interleave.harness.ExplorationResult.PctBound;
import dev.interleave.internal.harness.options.RunOptions;
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
 * @param reduction what exhaustive search's reduction did, or null if it was not asked for
 * @param steps how many steps the explored schedules took together (under control)
 */
public record Exploration(RunOptions options, int planned, int explored, boolean exhausted,
    long elapsedMillis, Map<String, Long> outcomes, List<Tally.Counts> invariants,
    Counterexample failure, Optional<PctBound> pct, int failing, Reduction reduction,
    long steps) {

  /**
   * What exhaustive search's reduction did.
   *
   * @param applied whether it stayed on (it turns itself off for a scenario whose checks can
   *     tell equivalent schedules apart)
   * @param bounded whether a preemption bound limited it (it then prunes only where the bound
   *     cut nothing)
   * @param abandoned how many schedules were abandoned part-way as equivalent to explored ones
   *     (not counted among the explored)
   */
  public record Reduction(boolean applied, boolean bounded, int abandoned) {
    /** How the report's strategy parameters name it. */
    public String mode() {
      return !applied ? "off (the checks tell equivalent schedules apart)"
          : bounded ? "sleep sets where the bound cut nothing" : "source-set DPOR with sleep sets";
    }

    /** The clause a verdict adds after the schedule count. */
    String describe() {
      if (!applied) {
        return ", without reduction (the scenario's checks can tell equivalent schedules apart)";
      }
      String more = abandoned + (abandoned == 1 ? " more was" : " more were")
          + " abandoned as equivalent";
      return bounded
          ? ", equivalent schedules pruned where the bound allows (" + more + ")"
          : ", one per class of equivalent schedules (" + more + ")";
    }
  }

  /** An exploration without reduction figures. */
  Exploration(RunOptions options, int planned, int explored, boolean exhausted,
      long elapsedMillis, Map<String, Long> outcomes, List<Tally.Counts> invariants,
      Counterexample failure, Optional<PctBound> pct, int failing) {
    this(options, planned, explored, exhausted, elapsedMillis, outcomes, invariants, failure,
        pct, failing, null, 0);
  }

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
