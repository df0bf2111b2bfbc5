package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.report.ProcessOutput;
import java.util.List;

/**
 * One schedule's trace and what failed in it (null if nothing).
 *
 * @param outcome the outcome the body recorded, or null
 * @param inputs the inputs the body drew, as name and value
 * @param output what each child process printed
 */
public record ScheduleResult(Trace trace, Problem problem, String outcome, List<String[]> inputs,
    List<ProcessOutput> output) {
  public ScheduleResult {
    inputs = List.copyOf(inputs);
    output = List.copyOf(output);
  }

  ScheduleResult(Trace trace, Problem problem, List<ProcessOutput> output) {
    this(trace, problem, null, List.of(), output);
  }

  ScheduleResult withOutcome(String o, Problem p) {
    return new ScheduleResult(trace, p, o, inputs, output);
  }

  ScheduleResult withInputs(List<String[]> drawn) {
    return new ScheduleResult(trace, problem, outcome, drawn, output);
  }
}
