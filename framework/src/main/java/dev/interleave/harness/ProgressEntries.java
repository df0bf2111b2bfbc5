package dev.interleave.harness;

import org.apiguardian.api.API;

/**
 * The keys of the JUnit report entries an {@link InterleaveTest} publishes while it explores,
 * when {@link InterleaveProperties#PROGRESS} asks for them: a launcher listener reads them to
 * show each running test's schedules, findings and time. Every value is a decimal number.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ProgressEntries {
  private ProgressEntries() {}

  /** Schedules explored so far. */
  public static final String EXPLORED = "interleave.explored";
  /** Schedules planned; absent under a time budget. */
  public static final String PLANNED = "interleave.planned";
  /** Findings so far. */
  public static final String FINDINGS = "interleave.findings";
  /** Milliseconds since the exploration began. */
  public static final String ELAPSED_MILLIS = "interleave.elapsedMillis";
  /** The time budget in milliseconds; absent without one. */
  public static final String BUDGET_MILLIS = "interleave.budgetMillis";
}
