package dev.interleave.internal.harness;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Strategy;

/**
 * The validated settings of one harness test.
 *
 * @param replay the schedule to replay, or null to explore
 */
record RunOptions(Strategy strategy, Mode mode, int schedules, long seed, int pctDepth,
    int preemptionBound, long timeoutMillis, Expect expect, boolean shrink, ReplayToken replay,
    int maxSteps) {

  /** Step budget of one schedule unless configured. */
  static final int DEFAULT_MAX_STEPS = 100_000;

  boolean controlled() {
    return mode == Mode.CONTROLLED;
  }

  RunOptions withReplay(ReplayToken token) {
    return new RunOptions(strategy, mode, schedules, token.seed(), pctDepth, preemptionBound,
        timeoutMillis, expect, shrink, token, maxSteps);
  }
}
