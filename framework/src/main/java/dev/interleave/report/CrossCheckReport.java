package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Stress against control: one scenario run under control (as declared) and under stress (real
 * parallelism with injected noise), with the two outcome sets side by side as jcstress shows
 * them. An outcome seen under stress that no controlled schedule reached, not even in a search
 * aimed at it, means the controlled model misses behaviour: the test fails naming it. Outcomes
 * reached only under control are the rare interleavings that control finds and stress does not.
 *
 * @param controlStrategy the controlled exploration's strategy, for example {@code "pct"}
 * @param controlSchedules how many schedules the controlled exploration ran
 * @param controlExhausted whether that exploration exhausted its space
 * @param searchedSchedules how many further controlled schedules searched for outcomes seen
 *     under stress and not yet under control (0 when there were none)
 * @param stressRuns how many stress runs ran
 * @param rows every outcome either side saw
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record CrossCheckReport(String controlStrategy, long controlSchedules,
    boolean controlExhausted, long searchedSchedules, long stressRuns, List<CrossCheckRow> rows) {

  /** Checks the arguments and copies the rows. */
  public CrossCheckReport {
    Checks.required("controlStrategy", controlStrategy);
    Checks.nonNegative("controlSchedules", controlSchedules);
    Checks.nonNegative("searchedSchedules", searchedSchedules);
    Checks.nonNegative("stressRuns", stressRuns);
    rows = Checks.list("rows", rows);
  }

  /** The outcomes seen under stress that no controlled schedule reached. */
  public List<CrossCheckRow> missedByControl() {
    return rows.stream().filter(CrossCheckRow::missedByControl).toList();
  }

  /** The outcomes reached under control and never seen under stress. */
  public List<CrossCheckRow> rareUnderStress() {
    return rows.stream().filter(CrossCheckRow::rareUnderStress).toList();
  }
}
