package dev.interleave.internal.schedule;

/**
 * Re-executes a recorded decision list. Strict replay throws a {@link DivergenceException} when
 * a recorded process cannot run or the record ends early; guided replay (used by the shrinker)
 * falls back to the non-preemptive pick instead.
 */
public final class ReplayScheduler implements Scheduler {
  private final int[] decisions;
  private final boolean strict;

  public ReplayScheduler(int[] decisions, boolean strict) {
    this.decisions = decisions.clone();
    this.strict = strict;
  }

  @Override
  public int pick(StepView view) {
    int step = view.step();
    if (step >= decisions.length) {
      if (strict) {
        throw new DivergenceException(step, "the record has " + decisions.length
            + " steps but processes " + Decisions.processes(view) + " can still run");
      }
      return view.defaultPick();
    }
    int recorded = decisions[step];
    if (view.isRunnable(recorded)) {
      return recorded;
    }
    if (strict) {
      throw new DivergenceException(step, "the record picks process " + recorded
          + " but only " + Decisions.processes(view) + " can run");
    }
    return view.defaultPick();
  }

  @Override
  public void finish(int steps) {
    if (strict && steps < decisions.length) {
      throw new DivergenceException(steps, "the run ended after " + steps
          + " steps but the record has " + decisions.length);
    }
  }
}
