package dev.interleave.internal.schedule;

import java.util.HashMap;
import java.util.Map;

/**
 * Partial order sampling (Yuan, Yang and Gu, CAV 2018): every pending operation gets a random
 * priority, the highest runs, and every pending operation that races with it (the same shared
 * state, one of them writing; see {@link Dependency}) is given a fresh priority, as is the
 * runner's next operation. Samples the partial orders of racing operations far more evenly than
 * random walk, at the price of one random draw per reset operation; on operations that name no
 * state it degrades to random walk, never below it. A timer firing is an operation like others.
 *
 * <p>Crash injection: when kills are offered, one pick in {@value Kills#ODDS} is a kill drawn
 * uniformly among them, as in random walk (a kill names no state that operations race on, so
 * it takes no priority); the killed process's priority goes with it. Nothing is drawn while no
 * kill is offered, so runs without crash injection draw exactly as before.
 */
public final class PosScheduler implements Scheduler {
  private final RecordedRandom random;
  private final Map<Integer, Double> priorities = new HashMap<>();

  public PosScheduler(RecordedRandom random) {
    this.random = random;
  }

  @Override
  public int pick(StepView offered) {
    StepView view = offered.withoutKills();
    int kill = Kills.oneInOdds(offered, view, random);
    if (kill >= 0) {
      priorities.remove(kill - Candidate.KILL_BASE); // a dead process has no pending operation
      return kill;
    }
    Candidate best = null;
    double bestPriority = -1;
    for (Candidate c : view.runnable()) {
      double p = priorities.computeIfAbsent(c.process(), k -> random.nextDouble());
      if (p > bestPriority) {
        bestPriority = p;
        best = c;
      }
    }
    priorities.remove(best.process());
    for (Candidate c : view.runnable()) {
      if (Dependency.races(best, c)) {
        priorities.remove(c.process());
      }
    }
    return best.process();
  }

  /** The current priority of {@code process}'s pending operation, or null if it has none. */
  Double priority(int process) {
    return priorities.get(process);
  }
}
