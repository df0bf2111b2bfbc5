package dev.interleave.harness;

import org.apiguardian.api.API;

/**
 * The names of the JUnit configuration parameters (or, failing those, system properties) that
 * override {@link InterleaveTest}'s attributes for every harness test of a run. Precedence: a
 * configuration parameter, then a system property, then the annotation, then its default. A
 * value that does not parse or is out of range fails the test with a message naming the
 * property and the value.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class InterleaveProperties {
  private InterleaveProperties() {}

  /**
   * {@link InterleaveTest#strategy()}: {@code random}, {@code pct}, {@code pos}, {@code
   * exhaustive}, or {@code stress}, which sets {@link #MODE} to stress instead.
   */
  public static final String STRATEGY = "interleave.strategy";
  /** {@link InterleaveTest#mode()}: {@code controlled} or {@code stress}. */
  public static final String MODE = "interleave.mode";
  /** {@link InterleaveTest#schedules()}: an int > 0. */
  public static final String SCHEDULES = "interleave.schedules";
  /** {@link InterleaveTest#seed()}: a long; overrides the annotation's seed even if non-zero. */
  public static final String SEED = "interleave.seed";
  /** {@link InterleaveTest#pctDepth()}: an int >= 1. */
  public static final String PCT_DEPTH = "interleave.pctDepth";
  /** {@link InterleaveTest#preemptionBound()}: an int >= 0. */
  public static final String PREEMPTION_BOUND = "interleave.preemptionBound";
  /** {@link InterleaveTest#timeoutMillis()}: a long > 0. */
  public static final String TIMEOUT_MILLIS = "interleave.timeoutMillis";
  /** {@link InterleaveTest#expect()}: {@code pass} or {@code violation}. */
  public static final String EXPECT = "interleave.expect";
  /** {@link InterleaveTest#finding()}: a {@link FindingKind} name, in any case. */
  public static final String FINDING = "interleave.finding";
  /** {@link InterleaveTest#invariant()}: an invariant's name. */
  public static final String INVARIANT = "interleave.invariant";
  /** {@link InterleaveTest#shrink()}: {@code true} or {@code false}. */
  public static final String SHRINK = "interleave.shrink";
  /** {@link InterleaveTest#replay()}: a replay token; select the one test it belongs to. */
  public static final String REPLAY = "interleave.replay";
  /** {@link InterleaveTest#stopAtFirst()}: {@code true} or {@code false}. */
  public static final String STOP_AT_FIRST = "interleave.stopAtFirst";
}
