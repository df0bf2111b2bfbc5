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
  /** {@link InterleaveTest#reduce()}: {@code true} or {@code false}. */
  public static final String REDUCE = "interleave.reduce";
  /** {@link InterleaveTest#crashes()}: an int >= 0. */
  public static final String CRASHES = "interleave.crashes";
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
  /**
   * A time budget: explore until it is spent (the schedule running then finishes; shrinking a
   * finding comes after), the space is exhausted or a finding stops the run. A duration such as
   * {@code 30s}, {@code 10m}, {@code 2h}, {@code 500ms} or ISO-8601 {@code PT1H30M}, > 0. With
   * it the annotation's schedule count gives way; {@link #SCHEDULES}, if set, still caps.
   */
  public static final String TIME = "interleave.time";
  /**
   * A shard {@code i/n} ({@code 1 <= i <= n}) of the schedule numbers: this run explores
   * schedules i, i + n, i + 2n, ... of the same seed, so n runs with shards 1/n..n/n explore
   * disjoint schedules that together are one run's. Not for exhaustive search.
   */
  public static final String SHARD = "interleave.shard";
  /**
   * Milliseconds (> 0) between progress report entries (schedules explored, findings, elapsed
   * time) that a running harness test publishes to JUnit listeners; none when unset.
   */
  public static final String PROGRESS = "interleave.progress";
  /** {@link InterleaveTest#stopAtFirst()}: {@code true} or {@code false}. */
  public static final String STOP_AT_FIRST = "interleave.stopAtFirst";
  /**
   * {@link InterleaveTest#crossCheck()}: the number of stress runs (an int >= 0) to set beside
   * each controlled test's exploration; stress-mode tests and replays ignore it.
   */
  public static final String CROSS_CHECK = "interleave.crossCheck";
  /**
   * The directory of the regression corpus, relative to the working directory unless absolute
   * ({@code src/test/interleave} by default): the shrunk replay token of every unexpected
   * failure is saved in {@code <dir>/<fully.qualified.Class>#<method>.tokens}, and the saved
   * tokens are replayed before exploring on every later run. {@code none} or empty disables
   * both.
   */
  public static final String CORPUS = "interleave.corpus";
  /**
   * The directory the JSON reports and the HTML report go to ({@code target/interleave-reports}
   * by default); a system property only, read when a test's report is written.
   */
  public static final String REPORTS_DIR = "interleave.reports.dir";
  /**
   * The command line's id of the scenario a run explores (for example {@code 4.1-racy}), set by
   * {@code interleave run} so that reports show it and name its replay command.
   */
  public static final String SCENARIO_ID = "interleave.scenarioId";
  /**
   * How long, in milliseconds, the worker JVMs of a finished run stay warm for the next run in
   * the same JVM before they stop (default 10000; 0 stops them when the run ends); a system
   * property only, read when a run starts and when it ends.
   */
  public static final String WORKERS_LINGER_MILLIS = "interleave.workers.lingerMillis";
}
