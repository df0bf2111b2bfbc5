package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param output what each child process printed in this schedule (kept for counterexamples;
 *     main's output is the test's own)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ScheduleTrace(
    String decisions,
    int preemptions,
    List<String> processes,
    List<TraceStep> steps,
    List<DrawnInput> inputs,
    String outcome,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProcessOutput> output) {

  /** Checks the arguments and copies the lists. */
  public ScheduleTrace {
    Checks.required("decisions", decisions);
    Checks.nonNegative("preemptions", preemptions);
    processes = Checks.list("processes", processes);
    steps = Checks.list("steps", steps);
    inputs = Checks.list("inputs", inputs);
    output = Checks.list("output", output);
  }

  /** A schedule whose processes' output was not kept. */
  public ScheduleTrace(String decisions, int preemptions, List<String> processes,
      List<TraceStep> steps, List<DrawnInput> inputs, String outcome) {
    this(decisions, preemptions, processes, steps, inputs, outcome, List.of());
  }

  /** A schedule without drawn inputs or outcome. */
  public ScheduleTrace(
      String decisions, int preemptions, List<String> processes, List<TraceStep> steps) {
    this(decisions, preemptions, processes, steps, List.of(), null);
  }
}
