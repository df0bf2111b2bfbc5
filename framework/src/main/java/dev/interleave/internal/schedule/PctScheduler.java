package dev.interleave.internal.schedule;

import java.util.HashMap;
import java.util.Map;

/**
 * Probabilistic concurrency testing as published (Burckhardt et al., ASPLOS 2010): random
 * distinct initial priorities of at least {@code d}, the highest-priority runnable process runs,
 * and {@code d - 1} change points {@code k_1..k_(d-1)}, drawn uniformly and distinct in {@code
 * [1, k]}: once step {@code k_i} has run, the process that ran it drops to priority {@code i}.
 * Finds a given bug of depth d with probability at least {@code 1/(n k^(d-1))} per schedule (n
 * processes, at most k steps); weaker than exhaustive search on tiny scenarios, far stronger
 * than random walk on long ones.
 *
 * <p>A change point is never dropped: it lowers the process that ran its step even when that
 * process then blocks, sleeps or exits (a process that exited has no later steps to affect).
 * The change points are indexed in draw order, not time order, so the order in which lowered
 * processes resume is itself random, as the algorithm requires. A timer fires only when no
 * process is ready (by priority among the timers due first): the bound counts the
 * interleavings of ready processes, and a sleep would otherwise end at once whenever its process
 * has the top priority, hiding exactly the bugs that happen while it sleeps. Early firings are
 * explored by the random walk and by exhaustive search.
 */
public final class PctScheduler implements Scheduler {
  private final RecordedRandom random;
  private final int depth;
  private final int[] changePoints;
  private final Map<Integer, Long> priorities = new HashMap<>();
  private int last = -1;
  private int applied;
  private final int steps;
  /** The step at which the next kill is injected (drawn when kills are offered), or -1. */
  private int killAt = -1;

  /**
   * @param depth the bug depth d (1 = no change points)
   * @param steps k: the most steps a schedule takes (measured), where change points are drawn
   */
  public PctScheduler(RecordedRandom random, int depth, int steps) {
    if (depth < 1 || steps < 1) {
      throw new IllegalArgumentException("depth and steps must be >= 1 but were: " + depth
          + ", " + steps);
    }
    this.random = random;
    this.depth = depth;
    this.steps = steps;
    this.changePoints = drawChangePoints(random, depth - 1, steps);
  }

  /** {@code count} points uniform in {@code [1, steps]}, distinct while there are enough. */
  private static int[] drawChangePoints(RecordedRandom random, int count, int steps) {
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      int p;
      do {
        p = 1 + random.nextInt(steps);
      } while (i < steps && contains(out, i, p));
      out[i] = p;
    }
    return out;
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int pick(StepView offered) {
    StepView view = offered.withoutKills();
    lowerAfter(view.step());
    if (view != offered) {
      int kill = kill(offered);
      if (kill >= 0) {
        last = -1; // the killed process takes no later step for a change point to lower
        return kill;
      }
    }
    int best = highest(view, false);
    if (best < 0) {
      best = highest(view, true);
    }
    last = best;
    return best;
  }

  /**
   * Crash injection, like change points: when kills are first offered, the step of the first
   * kill is drawn uniformly from that step to k; after each kill, when kills are offered again
   * (the crash budget is not spent), the step of the next is drawn the same way from there. A
   * kill kills a process drawn uniformly among those that may be killed then; a kill step past
   * the schedule's end is never reached, so a schedule makes from none to {@code crashes}
   * kills, and the later kills are the rarer. Nothing is drawn while no kill is
   * offered, so runs without crash injection draw exactly as before. Returns -1 for no kill.
   */
  private int kill(StepView offered) {
    if (killAt < 0) {
      killAt = offered.step() + random.nextInt(Math.max(1, steps - offered.step()));
    }
    if (offered.step() < killAt) {
      return -1;
    }
    killAt = -1; // the next kill's step is drawn when kills are offered again
    return Kills.uniform(offered, random);
  }

  /** The highest-priority candidate that is ready ({@code timers} false) or a timer, or -1. */
  private int highest(StepView view, boolean timers) {
    int best = -1;
    long bestPriority = Long.MIN_VALUE;
    for (Candidate c : view.runnable()) {
      long p = priorities.computeIfAbsent(c.process(),
          k -> depth + (random.nextLong() >>> 2));
      if (c.timer() == timers && p > bestPriority) {
        bestPriority = p;
        best = c.process();
      }
    }
    return best;
  }

  /** Step {@code executed} (from 1) has just run: change point i lowers its runner to i. */
  private void lowerAfter(int executed) {
    if (last < 0) {
      return;
    }
    for (int i = 0; i < changePoints.length; i++) {
      if (changePoints[i] == executed) {
        priorities.put(last, (long) (i + 1));
        applied++;
      }
    }
  }

  /** The change points, in index order: change point i (from 1) is at step {@code [i - 1]}. */
  int[] changePoints() {
    return changePoints.clone();
  }

  /** How many change points have lowered a process so far. */
  int applied() {
    return applied;
  }

  /** The current priority of {@code process}, or null if it has not been seen. */
  Long priority(int process) {
    return priorities.get(process);
  }
}
