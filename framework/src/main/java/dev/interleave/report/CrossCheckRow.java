package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One outcome of a stress-against-control run: how often controlled schedules and stress runs
 * ended with it.
 *
 * <p>An outcome is what the schedule's body recorded with {@code run.outcome(...)}; a schedule
 * that recorded none is named by its finding instead ({@code "no finding"}, {@code "invariant
 * violated: counter == 0"}, {@code "no progress (deadlock or hang)"}, {@code "exception:
 * java.lang.IllegalStateException"}), so that every scenario has an outcome set to compare.
 *
 * @param outcome the outcome as text
 * @param grade how the test grades it (a finding is {@link Grade#FORBIDDEN}, "no finding" is
 *     {@link Grade#ACCEPTABLE})
 * @param description the test's explanation of the grade, or {@code null}
 * @param control how many controlled schedules ended with it (the exploration and the search)
 * @param stress how many stress runs ended with it
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record CrossCheckRow(String outcome, Grade grade, String description, long control,
    long stress) {

  /** Checks the arguments. */
  public CrossCheckRow {
    Checks.required("outcome", outcome);
    Checks.required("grade", grade);
    Checks.nonNegative("control", control);
    Checks.nonNegative("stress", stress);
  }

  /** Seen under stress but never under control: the controlled model may miss behaviour. */
  public boolean missedByControl() {
    return stress > 0 && control == 0;
  }

  /** Reached under control but never seen under stress: a rare interleaving. */
  public boolean rareUnderStress() {
    return control > 0 && stress == 0;
  }
}
