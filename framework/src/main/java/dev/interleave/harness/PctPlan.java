package dev.interleave.harness;

import dev.interleave.report.TestReport;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How many {@link Strategy#PCT} schedules are enough: PCT's guarantee (Burckhardt et al.,
 * ASPLOS 2010) for a scenario of at most n processes and k steps, run at depth d. One schedule
 * finds a given bug of depth d (one that needs d ordering constraints to show) with probability
 * at least {@code p = 1/(n k^(d-1))}, independently of the other schedules, so N schedules all
 * miss it with probability at most {@code (1 - p)^N}, and {@link #schedulesFor} gives the least N
 * whose bound is within a target miss probability.
 *
 * <p>The numbers are only as good as n and k: measure them (the report of a PCT run lists the
 * most processes and steps one schedule had, and {@code interleave plan} prints this plan for a
 * scenario); the bound holds for schedules whose change points were drawn over at least k
 * steps. Immutable and thread-safe.
 *
 * @param processes n, the most processes (main included) one schedule has, >= 1
 * @param steps k, the most steps one schedule takes, >= 1
 * @param depth d, the bug depth PCT runs for, >= 1
 * @param perSchedule p, the lower bound of one schedule's chance to find a depth-d bug
 */
@API(status = API.Status.EXPERIMENTAL)
public record PctPlan(int processes, int steps, int depth, double perSchedule) {
  /** The key of a PCT run's {@link TestReport#strategyParams()} that holds the measured n. */
  public static final String PROCESSES_PARAM = "processes";
  /** The key of a PCT run's {@link TestReport#strategyParams()} that holds the measured k. */
  public static final String STEPS_PARAM = "steps";
  /** The key of a PCT run's {@link TestReport#strategyParams()} that holds d. */
  public static final String DEPTH_PARAM = "depth";

  /**
   * Checks the sizes and that {@code perSchedule} is {@code 1/(n k^(d-1))}; use {@link #of}.
   *
   * @throws IllegalArgumentException if n, k or d is below 1, naming it and its value, or if
   *     {@code perSchedule} is not the bound they give
   */
  public PctPlan {
    atLeastOne("processes n", processes);
    atLeastOne("steps k", steps);
    atLeastOne("depth d", depth);
    double p = bound(processes, steps, depth);
    if (Double.compare(perSchedule, p) != 0) {
      throw new IllegalArgumentException("perSchedule must be 1/(n k^(d-1)) = " + p
          + " for n=" + processes + ", k=" + steps + ", d=" + depth + " but was: " + perSchedule);
    }
  }

  /**
   * The plan for n processes, k steps and depth d.
   *
   * @throws IllegalArgumentException if n, k or d is below 1, naming it and its value
   */
  public static PctPlan of(int processes, int steps, int depth) {
    return new PctPlan(processes, steps, depth, bound(processes, steps, depth));
  }

  /**
   * The plan for the sizes a controlled PCT run measured, as its report lists them among its
   * {@link TestReport#strategyParams()}; empty for other runs and for reports that list none.
   *
   * @throws IllegalArgumentException if a listed size is not a number >= 1
   */
  public static Optional<PctPlan> measured(TestReport report) {
    Map<String, String> p = report.strategyParams();
    if (!p.containsKey(PROCESSES_PARAM) || !p.containsKey(STEPS_PARAM)
        || !p.containsKey(DEPTH_PARAM)) {
      return Optional.empty();
    }
    return Optional.of(of(number(p, PROCESSES_PARAM), number(p, STEPS_PARAM),
        number(p, DEPTH_PARAM)));
  }

  private static int number(Map<String, String> params, String key) {
    try {
      return Integer.parseInt(params.get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("report parameter " + key + " must be a number but"
          + " was: " + params.get(key), e);
    }
  }

  /**
   * The bound on the probability that {@code schedules} schedules all miss a given depth-d bug:
   * {@code (1 - p)^schedules}; 1 for no schedules.
   *
   * @throws IllegalArgumentException if {@code schedules} is negative
   */
  public double missProbability(long schedules) {
    if (schedules < 0) {
      throw new IllegalArgumentException("schedules must be >= 0 but was: " + schedules);
    }
    return Math.pow(1 - perSchedule, schedules);
  }

  /**
   * The fewest schedules N whose miss probability {@code (1 - p)^N} is at most {@code miss}: at
   * least 1; {@link Long#MAX_VALUE} when p is too small for any count to reach it.
   *
   * @param miss the target probability of missing a depth-d bug, in (0, 1)
   * @throws IllegalArgumentException if {@code miss} is not in (0, 1), naming its value
   */
  public long schedulesFor(double miss) {
    if (!(miss > 0 && miss < 1)) {
      throw new IllegalArgumentException("miss probability must be in (0, 1) but was: " + miss);
    }
    double n = Math.ceil(Math.log(miss) / Math.log1p(-perSchedule));
    if (!(n < Long.MAX_VALUE)) {
      return Long.MAX_VALUE;
    }
    long count = Math.max(1, (long) n);
    while (missProbability(count) > miss) { // rounding of the logarithms
      count++;
    }
    return count;
  }

  /**
   * The plan in words, for example {@code "n=3, k≈27, d=2: p >= 0.0123 per schedule; 371
   * schedules miss a depth-2 bug with probability <= 0.01"}.
   *
   * @throws IllegalArgumentException if {@code miss} is not in (0, 1), naming its value
   */
  public String describe(double miss) {
    long n = schedulesFor(miss);
    return String.format(Locale.ROOT, "n=%d, k\u2248%d, d=%d: p >= %.3g per schedule; %s"
        + " schedules miss a depth-%d bug with probability <= %s", processes, steps, depth,
        perSchedule, n == Long.MAX_VALUE ? "no count of" : Long.toString(n), depth,
        trim(miss));
  }

  private static String trim(double v) {
    return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  private static double bound(int processes, int steps, int depth) {
    return 1.0 / (processes * Math.pow(steps, depth - 1));
  }

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1 but was: " + value);
    }
  }
}
