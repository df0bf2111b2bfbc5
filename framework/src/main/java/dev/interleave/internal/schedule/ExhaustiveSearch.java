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
 * (the current process while it can run, else the lowest number). Every runnable candidate is an
 * alternative, a pending timer's firing included, and so is a kill (crash injection), which
 * counts as a preemption. A replayed prefix that the run cannot follow
 * (a recorded process that cannot run, or a run that ends inside the prefix) means the scenario
 * is not deterministic: the schedule throws a {@link DivergenceException} rather than absorbing
 * it, since the space it would then claim to have exhausted is not the scenario's.
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

  /**
   * One step's alternatives: the non-preemptive pick first. A kill is always a preemption, as
   * the trace counts it, even where no process was running.
   */
  private record Frame(List<Integer> options, int chosen, int preemptionsBefore, int current) {
    int preemptionsAfter(int option) {
      int pick = options.get(option);
      boolean preempts = pick >= Candidate.KILL_BASE || current >= 0 && pick != current;
      return preemptionsBefore + (preempts ? 1 : 0);
    }
  }

  private final class Walk implements Scheduler {
    private final int prefix = stack.size();

    @Override
    public int pick(StepView view) {
      int step = view.step();
      if (step < stack.size()) {
        Frame f = stack.get(step);
        int p = f.options.get(f.chosen);
        if (view.isRunnable(p)) {
          return p;
        }
        throw new DivergenceException(step, "exhaustive search replays the prefix of an earlier"
            + " schedule, which picked process " + p + " here, but only "
            + Decisions.processes(view) + " can run: the scenario is not deterministic");
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

    @Override
    public void finish(int steps) {
      if (steps < prefix) {
        throw new DivergenceException(steps, "exhaustive search replays the first " + prefix
            + (prefix == 1 ? " step" : " steps") + " of an earlier schedule, but this one ended"
            + " after " + steps + ": the scenario is not deterministic");
      }
    }

    private Frame last() {
      return stack.get(stack.size() - 1);
    }
  }
}
