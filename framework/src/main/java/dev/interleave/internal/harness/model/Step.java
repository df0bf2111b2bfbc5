package dev.interleave.internal.harness.model;

import java.util.List;

/**
 * One step of a schedule: the process picked and the point it was released from.
 *
 * @param runnable the processes that could have been picked
 * @param timer whether the pick fired the process's timer (its sleep ended, or its timed wait
 *     timed out) rather than running an operation that was ready
 */
public record Step(int index, int process, String op, String object, String label, String site,
    boolean preemption, List<Integer> runnable, boolean timer) {
  /** The op of a step that killed its process (crash injection); its object: what it held. */
  public static final String KILL = "KILL";

  public Step {
    runnable = List.copyOf(runnable);
  }

  /** Whether crash injection killed the process at this step. */
  public boolean killed() {
    return KILL.equals(op);
  }

  /** The decision this step records: the process, or the kill of the process. */
  public int decision() {
    return killed() ? dev.interleave.internal.schedule.Candidate.KILL_BASE + process : process;
  }

  public Step(int index, int process, String op, String object, String label, String site,
      boolean preemption, List<Integer> runnable) {
    this(index, process, op, object, label, site, preemption, runnable, false);
  }

  /** Whether {@code other} took the same step (site aside: line numbers are not behaviour). */
  boolean sameAs(Step other) {
    return process == other.process && op.equals(other.op)
        && java.util.Objects.equals(object, other.object)
        && java.util.Objects.equals(label, other.label) && runnable.equals(other.runnable);
  }

  public String describe(List<String> names) {
    String who = process < names.size() ? names.get(process) : "#" + process;
    if (killed()) {
      return who + " killed (injected)" + (object == null ? "" : ", inside " + object);
    }
    return who + " " + op + (object == null ? "" : " " + object)
        + (label == null ? "" : " '" + label + "'")
        + (timer ? ("SLEEP".equals(op) ? " (woke)" : " (timed out)") : "");
  }
}
