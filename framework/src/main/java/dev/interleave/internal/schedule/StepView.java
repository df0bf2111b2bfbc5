package dev.interleave.internal.schedule;

import java.util.List;

/**
 * What a scheduler is shown at one step.
 *
 * @param step the step's index in the schedule, from 0
 * @param current the process that ran the previous step if it may run again at once (it is
 *     ready, not waiting for a timer), else -1; picking another process then is a preemption
 * @param runnable the processes that may run, ordered by process number; never empty
 */
public record StepView(int step, int current, List<Candidate> runnable) {
  public StepView {
    runnable = List.copyOf(runnable);
  }

  /** Whether {@code process} may run. */
  public boolean isRunnable(int process) {
    for (Candidate c : runnable) {
      if (c.process() == process) {
        return true;
      }
    }
    return false;
  }

  /**
   * The non-preemptive pick: the current process if it may run, else the lowest-numbered process
   * that is ready; a timer fires by default only when no process is ready.
   */
  public int defaultPick() {
    if (current >= 0) {
      return current;
    }
    for (Candidate c : runnable) {
      if (!c.timer()) {
        return c.process();
      }
    }
    return runnable.get(0).process();
  }

  /** This view with no kill candidates (strategies that do not inject crashes). */
  public StepView withoutKills() {
    if (runnable.stream().noneMatch(Candidate::isKill)) {
      return this;
    }
    return new StepView(step, current, runnable.stream().filter(c -> !c.isKill()).toList());
  }
}
