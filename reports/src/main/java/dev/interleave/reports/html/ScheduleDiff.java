package dev.interleave.reports.html;

import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TraceStep;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which steps of a passing schedule differ from the counterexample: compared position by position,
 * a step differs when another process, operation, object or label is at that position in the
 * counterexample, or the counterexample is shorter. Interleavings of one program mostly hold the
 * same steps in another order, so this shows where the two orders part.
 */
final class ScheduleDiff {
  private ScheduleDiff() {}

  static Set<Integer> differing(ScheduleTrace counterexample, ScheduleTrace passing) {
    Set<Integer> differing = new TreeSet<>();
    for (int i = 0; i < passing.steps().size(); i++) {
      if (i >= counterexample.steps().size()
          || !same(counterexample.steps().get(i), passing.steps().get(i))) {
        differing.add(i);
      }
    }
    return differing;
  }

  private static boolean same(TraceStep a, TraceStep b) {
    return a.process().equals(b.process())
        && a.op().equals(b.op())
        && Objects.equals(a.object(), b.object())
        && Objects.equals(a.label(), b.label());
  }
}
