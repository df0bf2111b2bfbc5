package dev.interleave.internal.harness;

import java.util.List;

/**
 * The steps one schedule took.
 *
 * @param processes process names by number ({@code main} first)
 * @param violationStep the step after which a violation was seen, or -1
 */
record Trace(List<String> processes, List<Step> steps, int violationStep) {
  Trace {
    processes = List.copyOf(processes);
    steps = List.copyOf(steps);
  }

  int[] decisions() {
    return steps.stream().mapToInt(Step::process).toArray();
  }

  int preemptions() {
    return (int) steps.stream().filter(Step::preemption).count();
  }

  /** Distinct processes other than main that took a step. */
  int processCount() {
    return (int) steps.stream().mapToInt(Step::process).filter(p -> p != 0).distinct().count();
  }

  /** The first step where {@code other} differs from this trace, or -1 if none. */
  int firstDifference(Trace other) {
    int n = Math.min(steps.size(), other.steps.size());
    for (int i = 0; i < n; i++) {
      if (!steps.get(i).sameAs(other.steps.get(i))) {
        return i;
      }
    }
    return steps.size() == other.steps.size() ? -1 : n;
  }
}
