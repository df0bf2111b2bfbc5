package dev.interleave.internal.schedule;

/**
 * Thrown by the exhaustive search's scheduler when every process that could run next is asleep:
 * the schedule can only continue into one equivalent to a schedule explored before, so the
 * controller abandons it (it is neither a finding nor one of the search's schedules).
 */
public final class RedundantScheduleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RedundantScheduleException(int step) {
    super("every process that can run at step " + step + " is asleep: the schedule is equivalent"
        + " to one explored before", null, false, false);
  }
}
