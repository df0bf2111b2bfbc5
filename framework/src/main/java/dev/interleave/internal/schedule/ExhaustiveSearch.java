package dev.interleave.internal.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounded exhaustive search: every schedule with at most {@code preemptionBound} preemptions,
 * depth first, one schedule per {@link #next()}; says when the space is exhausted. Complete
 * within the bound for small scenarios; the count grows as steps^bound, so keep both small.
 *
 * <p>Each schedule replays the prefix of the previous one up to its deepest step that has an
 * untried alternative within the bound, takes that alternative, and continues non-preemptively
 * (the current process while it can run, else the lowest number).
 */
public final class ExhaustiveSearch {
  private final int preemptionBound;
  private final List<Frame> stack = new ArrayList<>();
  private boolean exhausted;
  private boolean started;

  public ExhaustiveSearch(int preemptionBound) {
    this.preemptionBound = preemptionBound;
  }

  /** The scheduler of the next schedule, or null when every schedule has been explored. */
  public Scheduler next() {
    if (started) {
      advance();
    }
    started = true;
    return exhausted ? null : new Walk();
  }

  /** Whether the search space (within the bound) has been explored completely. */
  public boolean exhausted() {
    return exhausted;
  }

  private void advance() {
    while (!stack.isEmpty()) {
      Frame f = stack.get(stack.size() - 1);
      for (int j = f.chosen + 1; j < f.options.size(); j++) {
        if (f.preemptionsAfter(j) <= preemptionBound) {
          stack.set(stack.size() - 1, new Frame(f.options, j, f.preemptionsBefore, f.current));
          return;
        }
      }
      stack.remove(stack.size() - 1);
    }
    exhausted = true;
  }

  /** One step's alternatives: the non-preemptive pick first. */
  private record Frame(List<Integer> options, int chosen, int preemptionsBefore, int current) {
    int preemptionsAfter(int option) {
      boolean preempts = current >= 0 && options.get(option) != current;
      return preemptionsBefore + (preempts ? 1 : 0);
    }
  }

  private final class Walk implements Scheduler {
    @Override
    public int pick(StepView view) {
      int step = view.step();
      if (step < stack.size()) {
        Frame f = stack.get(step);
        int p = f.options.get(f.chosen);
        if (view.isRunnable(p)) {
          return p;
        }
        stack.subList(step, stack.size()).clear(); // the scenario is not deterministic here
      }
      int before = stack.isEmpty() ? 0 : last().preemptionsAfter(last().chosen);
      List<Integer> options = new ArrayList<>();
      options.add(view.defaultPick());
      for (Candidate c : view.runnable()) {
        if (c.process() != view.defaultPick()) {
          options.add(c.process());
        }
      }
      stack.add(new Frame(options, 0, before, view.current()));
      return options.get(0);
    }

    private Frame last() {
      return stack.get(stack.size() - 1);
    }
  }
}
