package dev.interleave.internal.harness;

/**
 * One schedule's trace and what failed in it (null if nothing).
 *
 * @param outcome the outcome the body recorded, or null
 */
record ScheduleResult(Trace trace, Problem problem, String outcome) {
  ScheduleResult(Trace trace, Problem problem) {
    this(trace, problem, null);
  }

  ScheduleResult withOutcome(String o, Problem p) {
    return new ScheduleResult(trace, p, o);
  }
}
