package dev.interleave.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The steps of one schedule so far, as a trace invariant sees them ({@link
 * Run#traceInvariant}): which process did which operation to which object, in order. Objects are
 * named as in failure messages ({@code lock#1}, {@code semaphore#1}, {@code queue#2}); operations
 * are the names of the schedule listing ({@code ACQUIRE}, {@code RELEASE}, {@code PUT}, {@code
 * GET}, {@code USER} for {@link Interleave#point}, ...).
 *
 * <p>A step is the scheduler letting a process perform the operation it stood at. A step whose
 * operation could not proceed (the process then waited) is {@linkplain Step#blocked() blocked};
 * the process's later retry is a step of its own. A history is immutable.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class History {
  private final List<Step> steps;

  private History(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** A history of {@code steps}, for example to test a trace invariant's predicate alone. */
  public static History of(List<Step> steps) {
    return new History(steps);
  }

  /**
   * One step.
   *
   * @param index the step's position in the schedule, from 0
   * @param process the process that took it: {@code main} or {@code Process-1}, ...
   * @param op the operation
   * @param object the object operated on, or null
   * @param label the point's label, or null
   * @param blocked whether the operation could not proceed, so the process waited
   * @param timer whether the step was the process's timer firing (its sleep ended, or its timed
   *     wait timed out) rather than an operation that was ready
   */
  @API(status = API.Status.EXPERIMENTAL)
  public record Step(int index, String process, String op, String object, String label,
      boolean blocked, boolean timer) {

    /** Whether this step is {@code op} on {@code object}. */
    public boolean is(String op, String object) {
      return this.op.equals(op) && object.equals(this.object);
    }

    /** Whether the operation took effect: an ACQUIRE that got in, not one that waited. */
    public boolean completed() {
      return !blocked;
    }

    @Override
    public String toString() {
      return "step " + index + ": " + process + " " + op + (object == null ? "" : " " + object)
          + (label == null ? "" : " '" + label + "'") + (blocked ? " (blocked)" : "");
    }
  }

  /** Every step, in order. */
  public List<Step> steps() {
    return steps;
  }

  /** How many steps there are. */
  public int size() {
    return steps.size();
  }

  /** The last step, or null before the first. */
  public Step last() {
    return steps.isEmpty() ? null : steps.get(steps.size() - 1);
  }

  /** The steps on {@code object}, in order. */
  public List<Step> on(String object) {
    return steps.stream().filter(s -> object.equals(s.object())).toList();
  }

  /** The steps of {@code process}, in order. */
  public List<Step> by(String process) {
    return steps.stream().filter(s -> process.equals(s.process())).toList();
  }

  /**
   * The processes between an ACQUIRE of {@code object} that completed and their RELEASE of it,
   * with how many permits (or re-entries) each holds. A non-blocking {@code tryAcquire} step
   * counts as an acquisition whether or not it got in: the history sees steps, not results; a
   * RELEASE by a process that holds none is not counted.
   */
  public Map<String, Integer> holders(String object) {
    Map<String, Integer> in = new TreeMap<>();
    for (Step s : steps) {
      if (s.is("ACQUIRE", object) && s.completed() && !s.timer()) {
        in.merge(s.process(), 1, Integer::sum);
      } else if (s.is("RELEASE", object)) {
        in.computeIfPresent(s.process(), (p, n) -> n > 1 ? n - 1 : null);
      }
    }
    return in;
  }

  /** How many acquisitions of {@code object} are not released: the sum of {@link #holders}. */
  public int inside(String object) {
    return holders(object).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The processes that took at least one step, in order of their first. */
  public Set<String> processes() {
    Set<String> out = new java.util.LinkedHashSet<>();
    steps.forEach(s -> out.add(s.process()));
    return out;
  }

  /** The steps, one a line. */
  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    steps.forEach(s -> lines.add(s.toString()));
    return String.join("\n", lines);
  }
}
