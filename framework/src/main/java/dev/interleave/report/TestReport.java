package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Everything one test's run found: the root of a report file.
 *
 * @param testId the unique id, for example {@code "com.acme.CounterTest#racy()"}
 * @param className the test class's binary name
 * @param methodName the test method's name
 * @param displayName the name shown to people, for example {@code "racy counter"}
 * @param scenario the scenario name, for example {@code "lock-01-racy-counter"}, or {@code null}
 * @param mode how the processes were driven
 * @param strategy the exploration strategy, for example {@code "pct"} or {@code "exhaustive"}
 * @param strategyParams the strategy's parameters as text, sorted by key
 * @param seed the seed all scheduling randomness derived from
 * @param verdict the result, judged against {@code expected}
 * @param expected what the test declared it expects
 * @param reason why the verdict is what it is, in one or two sentences
 * @param schedulesPlanned how many schedules the run was allowed
 * @param schedulesExplored how many it ran
 * @param exhausted whether every schedule within the strategy's bounds was explored
 * @param elapsedMillis wall-clock time of the whole run
 * @param invariants per-invariant check counts
 * @param outcomes the outcome histogram
 * @param findings what was found wrong, in the order found
 * @param scenarioId the command line's id of the scenario, for example {@code "4.1-racy"}, or
 *     {@code null} when the test did not run from the command line
 * @param environment when and where the test ran, or {@code null} if not recorded
 * @param crossCheck stress against control, or {@code null} when the test did not run both ways
 */
@API(status = EXPERIMENTAL, since = "0.1")
@JsonPropertyOrder({"schemaVersion"})
public record TestReport(
    String testId,
    String className,
    String methodName,
    String displayName,
    String scenario,
    RunMode mode,
    String strategy,
    Map<String, String> strategyParams,
    long seed,
    Verdict verdict,
    Expectation expected,
    String reason,
    long schedulesPlanned,
    long schedulesExplored,
    boolean exhausted,
    long elapsedMillis,
    List<InvariantStats> invariants,
    List<OutcomeCount> outcomes,
    List<FindingReport> findings,
    String scenarioId,
    RunEnvironment environment,
    CrossCheckReport crossCheck) {

  /**
   * The version of the JSON form this model writes. Version 2 added drawn inputs, outcomes,
   * step kinds and switch causes to schedules, replay tokens and command-line replay commands
   * to findings, and the scenario id and run environment to the report.
   */
  public static final int SCHEMA_VERSION = 2;

  /** The oldest version this model reads: version 1 files read with the added fields absent. */
  public static final int OLDEST_READABLE_VERSION = 1;

  /** Checks the arguments and copies the collections. */
  public TestReport {
    Checks.required("testId", testId);
    Checks.required("verdict", verdict);
    strategyParams = Checks.sortedMap("strategyParams", strategyParams);
    Checks.nonNegative("schedulesPlanned", schedulesPlanned);
    Checks.nonNegative("schedulesExplored", schedulesExplored);
    Checks.nonNegative("elapsedMillis", elapsedMillis);
    invariants = Checks.list("invariants", invariants);
    outcomes = Checks.list("outcomes", outcomes);
    findings = Checks.list("findings", findings);
  }

  /** A report without stress against control. */
  public TestReport(String testId, String className, String methodName, String displayName,
      String scenario, RunMode mode, String strategy, Map<String, String> strategyParams,
      long seed, Verdict verdict, Expectation expected, String reason, long schedulesPlanned,
      long schedulesExplored, boolean exhausted, long elapsedMillis,
      List<InvariantStats> invariants, List<OutcomeCount> outcomes,
      List<FindingReport> findings, String scenarioId, RunEnvironment environment) {
    this(testId, className, methodName, displayName, scenario, mode, strategy, strategyParams,
        seed, verdict, expected, reason, schedulesPlanned, schedulesExplored, exhausted,
        elapsedMillis, invariants, outcomes, findings, scenarioId, environment, null);
  }

  /** This report with {@code crossCheck} as its stress against control. */
  public TestReport withCrossCheck(CrossCheckReport crossCheck) {
    return new TestReport(testId, className, methodName, displayName, scenario, mode, strategy,
        strategyParams, seed, verdict, expected, reason, schedulesPlanned, schedulesExplored,
        exhausted, elapsedMillis, invariants, outcomes, findings, scenarioId, environment,
        crossCheck);
  }

  /** A report of schema version 1: no scenario id, no environment. */
  public TestReport(String testId, String className, String methodName, String displayName,
      String scenario, RunMode mode, String strategy, Map<String, String> strategyParams,
      long seed, Verdict verdict, Expectation expected, String reason, long schedulesPlanned,
      long schedulesExplored, boolean exhausted, long elapsedMillis,
      List<InvariantStats> invariants, List<OutcomeCount> outcomes,
      List<FindingReport> findings) {
    this(testId, className, methodName, displayName, scenario, mode, strategy, strategyParams,
        seed, verdict, expected, reason, schedulesPlanned, schedulesExplored, exhausted,
        elapsedMillis, invariants, outcomes, findings, null, null, null);
  }

  /** Always {@link #SCHEMA_VERSION}; written first in JSON so readers can check it. */
  @JsonProperty(value = "schemaVersion", access = JsonProperty.Access.READ_ONLY)
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }
}
