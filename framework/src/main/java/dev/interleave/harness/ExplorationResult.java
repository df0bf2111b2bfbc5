package dev.interleave.harness;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What exploring a scenario found, as {@link Scenario#verify} sees it: the findings (at most one:
 * the first failing schedule, shrunk), how much was explored, the outcome histogram, how many
 * schedules failed, and for {@link Strategy#PCT} the probability bound the run's measured size
 * gives.
 *
 * @param findings what was found wrong, in the order found; empty if nothing
 * @param schedulesExplored how many schedules ran (shrinking and replay checks aside)
 * @param exhausted whether {@link Strategy#EXHAUSTIVE} explored its whole bounded space
 * @param seed the seed all scheduling and input randomness derived from
 * @param pct PCT's bound, empty for other strategies and modes
 * @param outcomes how many explored schedules ended with each outcome recorded by {@link
 *     Run#outcome}, in first-seen order (all planned schedules with {@link
 *     InterleaveTest#stopAtFirst()} false)
 * @param failingSchedules how many explored schedules failed
 */
@API(status = API.Status.EXPERIMENTAL)
public record ExplorationResult(List<Finding> findings, int schedulesExplored, boolean exhausted,
    long seed, Optional<PctBound> pct, java.util.Map<String, Long> outcomes,
    int failingSchedules) {

  /** Copies the findings and the outcomes. */
  public ExplorationResult {
    findings = List.copyOf(findings);
    outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
  }

  /** A result without outcomes, failing once if it has a finding. */
  public ExplorationResult(List<Finding> findings, int schedulesExplored, boolean exhausted,
      long seed, Optional<PctBound> pct) {
    this(findings, schedulesExplored, exhausted, seed, pct, java.util.Map.of(),
        findings.isEmpty() ? 0 : 1);
  }

  /**
   * PCT's guarantee (Burckhardt et al., ASPLOS 2010) for the sizes this run measured: one
   * schedule finds a given bug of depth {@code d} with probability at least {@code 1/(n
   * k^(d-1))}, so {@code m} schedules that found nothing miss it with probability at most
   * {@code (1 - 1/(n k^(d-1)))^m}. Only schedules whose change points were drawn over at least
   * the measured k count in m.
   *
   * @param processes n: the most processes (main included) one schedule had
   * @param steps k: the most steps one schedule took
   * @param depth d: the bug depth PCT was run for ({@link InterleaveTest#pctDepth()})
   * @param schedules m: the schedules drawn over at least k steps
   * @param perSchedule {@code 1/(n k^(d-1))}
   * @param missProbability {@code (1 - perSchedule)^m}
   */
  public record PctBound(int processes, int steps, int depth, int schedules, double perSchedule,
      double missProbability) {

    /** The bound for {@code schedules} schedules of at most n processes and k steps. */
    public static PctBound of(int processes, int steps, int depth, int schedules) {
      PctPlan plan = plan(processes, steps, depth);
      return new PctBound(processes, steps, depth, schedules, plan.perSchedule(),
          plan.missProbability(schedules));
    }

    /** The plan for these sizes: how many schedules reach a target miss probability. */
    public PctPlan plan() {
      return plan(processes, steps, depth);
    }

    private static PctPlan plan(int processes, int steps, int depth) {
      return PctPlan.of(Math.max(1, processes), Math.max(1, steps), depth);
    }

    /**
     * What one schedule finds, in words, as the report of a run that found a bug states it:
     * {@code "PCT with n=4 processes, k=30 steps, d=2 finds a depth-2 bug with p >= 0.00833 per
     * schedule"}.
     */
    public String describeOne() {
      return String.format(java.util.Locale.ROOT, "PCT with n=%d processes, k=%d steps, d=%d"
          + " finds a depth-%d bug with p >= %.3g per schedule", processes, steps, depth, depth,
          perSchedule);
    }

    /** In words, as reports state it. */
    public String describe() {
      return describeOne() + String.format(java.util.Locale.ROOT, ", so %d schedules drawn"
          + " over k steps miss it with probability <= %.3g", schedules, missProbability);
    }
  }
}
