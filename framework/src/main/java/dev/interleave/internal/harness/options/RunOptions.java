package dev.interleave.internal.harness.options;

import dev.interleave.harness.Expect;
import dev.interleave.harness.FindingKind;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Strategy;
import dev.interleave.internal.harness.model.ReplayToken;

/**
 * The validated settings of one harness test.
 *
 * @param finding with {@code expect = VIOLATION}, the kind of finding that meets it
 * @param invariant with {@code finding = INVARIANT}, the invariant that must be violated, or
 *     empty for any
 * @param replay the schedule to replay, or null to explore
 * @param crashes how many processes one schedule may kill (crash injection; 0 for none)
 * @param reduce whether exhaustive search prunes schedules equivalent to explored ones
 */
public record RunOptions(Strategy strategy, Mode mode, int schedules, long seed, int pctDepth,
    int preemptionBound, long timeoutMillis, Expect expect, FindingKind finding,
    String invariant, boolean shrink, ReplayToken replay, int maxSteps, int crashes,
    boolean reduce) {

  /** Settings with the reduction on (the default). */
  RunOptions(Strategy strategy, Mode mode, int schedules, long seed, int pctDepth,
      int preemptionBound, long timeoutMillis, Expect expect, FindingKind finding,
      String invariant, boolean shrink, ReplayToken replay, int maxSteps, int crashes) {
    this(strategy, mode, schedules, seed, pctDepth, preemptionBound, timeoutMillis, expect,
        finding, invariant, shrink, replay, maxSteps, crashes, true);
  }

  /** Settings without crash injection. */
  public RunOptions(Strategy strategy, Mode mode, int schedules, long seed, int pctDepth,
      int preemptionBound, long timeoutMillis, Expect expect, FindingKind finding,
      String invariant, boolean shrink, ReplayToken replay, int maxSteps) {
    this(strategy, mode, schedules, seed, pctDepth, preemptionBound, timeoutMillis, expect,
        finding, invariant, shrink, replay, maxSteps, 0);
  }

  /** Step budget of one schedule unless configured. */
  public static final int DEFAULT_MAX_STEPS = 100_000;

  /** Settings that expect, if a violation, any invariant's. */
  public RunOptions(Strategy strategy, Mode mode, int schedules, long seed, int pctDepth,
      int preemptionBound, long timeoutMillis, Expect expect, boolean shrink, ReplayToken replay,
      int maxSteps) {
    this(strategy, mode, schedules, seed, pctDepth, preemptionBound, timeoutMillis, expect,
        FindingKind.INVARIANT, "", shrink, replay, maxSteps);
  }

  public boolean controlled() {
    return mode == Mode.CONTROLLED;
  }

  RunOptions withReplay(ReplayToken token) {
    return new RunOptions(strategy, mode, schedules, token.seed(), pctDepth, preemptionBound,
        timeoutMillis, expect, finding, invariant, shrink, token, maxSteps, crashes, reduce);
  }
}
