package dev.interleave.internal.harness.report;

import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.report.StepKind;
import dev.interleave.report.SwitchCause;
import java.util.List;
import java.util.Set;

/**
 * What became of each step of a trace and why the process before it stopped, derived from the
 * steps the controller recorded: when another process takes a step that is not a preemption,
 * the process that ran last could not go on (it is not among those that could run, or only its
 * timer is), the switch was forced, and its next step tells why (none: it exited, or, if it
 * is one of a deadlock's waiters, it blocked for good, or, if the schedule was cut short, it is
 * unknown; a SLEEP: it slept; else it blocked, and that next step retries the operation).
 */
final class StepCauses {
  final StepKind[] kinds;
  final SwitchCause[] causes;

  private StepCauses(int n) {
    kinds = new StepKind[n];
    causes = new SwitchCause[n];
  }

  /**
   * Classifies the steps of {@code t}; {@code stuck} names processes blocked at the end, {@code
   * complete} says whether the schedule ran to its end (not cut short by a state invariant, a
   * hang or a divergence).
   */
  static StepCauses of(Trace t, Set<String> stuck, boolean complete) {
    List<Step> steps = t.steps();
    StepCauses c = new StepCauses(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      c.kinds[i] = steps.get(i).killed() ? StepKind.INJECTED_KILL
          : "TERMINATE".equals(steps.get(i).op()) ? StepKind.KILL : StepKind.OPERATION;
    }
    for (int i = 1; i < steps.size(); i++) {
      Step prev = steps.get(i - 1);
      Step step = steps.get(i);
      if (prev.process() != step.process()) {
        c.causes[i] = c.cause(t, i, prev, step, stuck, complete);
      }
    }
    c.markStuck(t, stuck);
    return c;
  }

  private SwitchCause cause(Trace t, int i, Step prev, Step step, Set<String> stuck,
      boolean complete) {
    if (step.preemption()) {
      return SwitchCause.PREEMPTED;
    }
    // still among the candidates without a preemption: only its timer (a sleep's end, a timed
    // wait's timeout) could have been picked
    int next = nextOf(t.steps(), prev.process(), i);
    if (next < 0) {
      if (stuck.contains(name(t, prev.process()))) {
        return SwitchCause.BLOCKED;
      }
      return complete && prev.process() != 0 ? SwitchCause.EXITED : null;
    }
    if ("SLEEP".equals(t.steps().get(next).op())) {
      return SwitchCause.SLEPT;
    }
    if (kinds[i - 1] == StepKind.OPERATION || kinds[i - 1] == StepKind.RETRY) {
      kinds[i - 1] = StepKind.BLOCKED;
    }
    if (kinds[next] == StepKind.OPERATION) {
      kinds[next] = StepKind.RETRY;
    }
    return SwitchCause.BLOCKED;
  }

  /** The last step of a process blocked at the end (a deadlock's waiter) blocked. */
  private void markStuck(Trace t, Set<String> stuck) {
    for (String name : stuck) {
      int id = t.processes().indexOf(name);
      int last = -1;
      for (int i = 0; i < t.steps().size(); i++) {
        if (t.steps().get(i).process() == id) {
          last = i;
        }
      }
      if (last >= 0 && kinds[last] != StepKind.KILL) {
        kinds[last] = StepKind.BLOCKED;
      }
    }
  }

  private static int nextOf(List<Step> steps, int process, int from) {
    for (int j = from; j < steps.size(); j++) {
      if (steps.get(j).process() == process) {
        return j;
      }
    }
    return -1;
  }

  private static String name(Trace t, int process) {
    return process < t.processes().size() ? t.processes().get(process) : "#" + process;
  }
}
