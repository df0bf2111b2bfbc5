package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One row of the outcome histogram: a distinct observed result, how often it was seen and how the
 * test grades it.
 *
 * @param outcome the observed result as text, for example {@code "0"} or {@code "1, 2"}
 * @param count how many schedules ended with it
 * @param grade how the test grades it
 * @param description the test's explanation of the grade, or {@code null}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OutcomeCount(String outcome, long count, Grade grade, String description) {

  /** Checks the arguments. */
  public OutcomeCount {
    Checks.required("outcome", outcome);
    Checks.nonNegative("count", count);
    Checks.required("grade", grade);
  }
}
