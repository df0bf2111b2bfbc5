package dev.interleave.internal.schedule;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Partial order sampling (Yuan et al., CAV 2018): every pending operation gets a random
 * priority, the highest runs, and the operations racing with it (same object) are given fresh
 * priorities. Samples partial orders more evenly than random walk, at the price of one random
 * draw per racing operation.
 */
public final class PosScheduler implements Scheduler {
  private final RecordedRandom random;
  private final Map<Integer, Double> priorities = new HashMap<>();

  public PosScheduler(RecordedRandom random) {
    this.random = random;
  }

  @Override
  public int pick(StepView view) {
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
    if (best.object() != null) {
      for (Candidate c : view.runnable()) {
        if (c != best && Objects.equals(c.object(), best.object())) {
          priorities.remove(c.process());
        }
      }
    }
    return best.process();
  }
}
