package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.model.ReplayToken;
import dev.interleave.internal.harness.model.Trace;
import java.util.List;

/**
 * A failing schedule as found and as shrunk, with the nearest passing schedule the shrinker saw.
 *
 * @param firstAt the number of the schedule (from 1) that first failed
 * @param nearestPassing null if the shrinker tried no passing candidate
 * @param shrinking how far shrinking got, in words, or null if it did not run
 */
public record Counterexample(Problem problem, int firstAt, Attempt original, Attempt shrunk,
    Attempt nearestPassing, long seed, String shrinking) {

  /** A counterexample without a word on shrinking. */
  Counterexample(Problem problem, int firstAt, Attempt original, Attempt shrunk,
      Attempt nearestPassing, long seed) {
    this(problem, firstAt, original, shrunk, nearestPassing, seed, null);
  }

  /**
   * One run of a schedule with its inputs.
   *
   * @param draws the input draws it used
   * @param spans the deletable spans of {@code draws}, as {@code [start, end)}
   * @param removed the processes (by id) started as removed
   */
  public record Attempt(ScheduleResult result, long[] draws, List<int[]> spans, int[] removed) {
    public Attempt {
      spans = List.copyOf(spans);
    }

    /** The run {@code result} with the inputs {@code choices} gave it. */
    static Attempt of(ScheduleResult result, ChoiceSource choices) {
      return new Attempt(result, choices.draws(), choices.spans(), choices.removed());
    }

    public Trace trace() {
      return result.trace();
    }

    /** A source that gives the same inputs again. */
    ChoiceSource inputs() {
      return ChoiceSource.fixed(draws, removed);
    }
  }

  public ReplayToken replay() {
    return ReplayToken.of(seed, shrunk.trace(), shrunk.draws(), problem)
        .withRemoved(shrunk.removed());
  }
}
