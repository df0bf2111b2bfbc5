package dev.interleave.internal.schedule;

/**
 * Picks which process runs next; one instance drives one schedule.
 *
 * <p>See the package documentation for the determinism contract every implementation keeps.
 */
public interface Scheduler {

  /**
   * Picks the process to run at this step.
   *
   * @return a process number among {@code view.runnable()}
   * @throws DivergenceException if the scheduler replays a record that this step contradicts
   */
  int pick(StepView view);

  /** Called once when the schedule ended normally after {@code steps} steps. */
  default void finish(int steps) {}
}
