package dev.interleave.internal.harness;

import java.util.List;

/**
 * One schedule's trace and what failed in it (null if nothing).
 *
 * @param outcome the outcome the body recorded, or null
 * @param inputs the inputs the body drew, as name and value
 */
record ScheduleResult(Trace trace, Problem problem, String outcome, List<String[]> inputs) {
  ScheduleResult {
    inputs = List.copyOf(inputs);
  }

  ScheduleResult(Trace trace, Problem problem) {
    this(trace, problem, null, List.of());
  }

  ScheduleResult withOutcome(String o, Problem p) {
    return new ScheduleResult(trace, p, o, inputs);
  }

  ScheduleResult withInputs(List<String[]> drawn) {
    return new ScheduleResult(trace, problem, outcome, drawn);
  }
}
