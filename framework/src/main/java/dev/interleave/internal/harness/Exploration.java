package dev.interleave.internal.harness;

import java.util.List;
import java.util.Map;

/**
 * What exploring one scenario found.
 *
 * @param outcomes outcome → schedules that ended with it, in first-seen order
 * @param failure the counterexample, or null
 */
record Exploration(RunOptions options, int planned, int explored, boolean exhausted,
    long elapsedMillis, Map<String, Long> outcomes, List<Tally.Counts> invariants,
    Counterexample failure) {}
