package dev.interleave.internal.harness;

/**
 * A failing schedule as found and as shrunk, with the nearest passing schedule the shrinker saw.
 *
 * @param firstAt the number of the schedule (from 1) that first failed
 * @param nearestPassing null if the shrinker tried no passing candidate
 */
record Counterexample(Problem problem, int firstAt, Attempt original, Attempt shrunk,
    Attempt nearestPassing, long seed) {

  /** One run of a schedule with the input draws it used. */
  record Attempt(ScheduleResult result, long[] draws) {
    Trace trace() {
      return result.trace();
    }
  }

  ReplayToken replay() {
    return ReplayToken.of(seed, shrunk.trace(), shrunk.draws(), problem);
  }
}
