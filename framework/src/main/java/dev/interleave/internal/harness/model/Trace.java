package dev.interleave.internal.harness.model;

import java.util.List;

/**
 * The steps one schedule took.
 *
 * @param processes process names by number ({@code main} first)
 * @param violationStep the step after which a violation was seen, or -1
 */
public record Trace(List<String> processes, List<Step> steps, int violationStep) {
  public Trace {
    processes = List.copyOf(processes);
    steps = List.copyOf(steps);
  }

  public int[] decisions() {
    return steps.stream().mapToInt(Step::decision).toArray();
  }

  /** What the injected kills say: "Process-2 killed (injected) at step 7, inside lock#1". */
  public List<String> kills() {
    return steps.stream().filter(Step::killed).map(s -> {
      String d = s.describe(processes);
      int comma = d.indexOf(", inside ");
      return comma < 0 ? d + " at step " + s.index()
          : d.substring(0, comma) + " at step " + s.index() + d.substring(comma);
    }).toList();
  }

  public int preemptions() {
    return (int) steps.stream().filter(Step::preemption).count();
  }

  /** Distinct processes other than main that took a step. */
  public int processCount() {
    return (int) steps.stream().mapToInt(Step::process).filter(p -> p != 0).distinct().count();
  }

  /** The first step where {@code other} differs from this trace, or -1 if none. */
  public int firstDifference(Trace other) {
    int n = Math.min(steps.size(), other.steps.size());
    for (int i = 0; i < n; i++) {
      if (!steps.get(i).sameAs(other.steps.get(i))) {
        return i;
      }
    }
    return steps.size() == other.steps.size() ? -1 : n;
  }
}
