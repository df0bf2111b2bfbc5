package dev.interleave.internal.harness.worker;

/**
 * Thrown at a scheduling point to stop a process's code when its schedule is over (a finding
 * was made, or the run is shutting down). An {@link Error}, so that {@code catch (Exception)}
 * in user code cannot swallow it.
 */
public final class ScheduleAbort extends Error {
  private static final long serialVersionUID = 1L;

  public ScheduleAbort() {
    super("the schedule was stopped by the harness", null, false, false);
  }
}
