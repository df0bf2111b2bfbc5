package dev.interleave.internal.schedule;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): random distinct priorities,
 * the highest-priority runnable process runs, and at {@code depth - 1} random change points the
 * running process drops below all others. Finds a bug of depth d with probability at least
 * 1/(n k^(d-1)); weaker than exhaustive search on tiny scenarios, far stronger than random walk
 * on long ones.
 */
public final class PctScheduler implements Scheduler {
  private final RecordedRandom random;
  private final int depth;
  private final int[] changePoints;
  private final Map<Integer, Long> priorities = new HashMap<>();

  /**
   * @param depth the bug depth d (1 = no change points)
   * @param expectedSteps an estimate of the schedule's length, where change points are drawn
   */
  public PctScheduler(RecordedRandom random, int depth, int expectedSteps) {
    this.random = random;
    this.depth = depth;
    this.changePoints = new int[Math.max(0, depth - 1)];
    for (int i = 0; i < changePoints.length; i++) {
      changePoints[i] = 1 + random.nextInt(Math.max(1, expectedSteps));
    }
    Arrays.sort(changePoints);
  }

  @Override
  public int pick(StepView view) {
    for (int i = 0; i < changePoints.length; i++) {
      if (changePoints[i] == view.step() && view.current() >= 0) {
        priorities.put(view.current(), (long) (depth - 1 - i));
      }
    }
    int best = -1;
    long bestPriority = Long.MIN_VALUE;
    for (Candidate c : view.runnable()) {
      long p = priorities.computeIfAbsent(c.process(), k -> depth + (long) random.nextInt(1 << 30));
      if (p > bestPriority) {
        bestPriority = p;
        best = c.process();
      }
    }
    return best;
  }
}
