package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One explored schedule: the decisions that replay it and the steps it took.
 *
 * @param decisions the compact replay string, for example {@code "1.0.2.2.1"}
 * @param preemptions how many of the steps are {@linkplain TraceStep#preemption() preemptions}
 * @param processes every process of the run, in lane order ({@code "main"} first)
 * @param steps the steps in the order they were taken
 * @param inputs the inputs the test drew in this schedule, in the order drawn
 * @param outcome the outcome the test recorded in this schedule, or {@code null}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ScheduleTrace(
    String decisions,
    int preemptions,
    List<String> processes,
    List<TraceStep> steps,
    List<DrawnInput> inputs,
    String outcome) {

  /** Checks the arguments and copies the lists. */
  public ScheduleTrace {
    Checks.required("decisions", decisions);
    Checks.nonNegative("preemptions", preemptions);
    processes = Checks.list("processes", processes);
    steps = Checks.list("steps", steps);
    inputs = Checks.list("inputs", inputs);
  }

  /** A schedule without drawn inputs or outcome. */
  public ScheduleTrace(
      String decisions, int preemptions, List<String> processes, List<TraceStep> steps) {
    this(decisions, preemptions, processes, steps, List.of(), null);
  }
}
