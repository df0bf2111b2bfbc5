package dev.interleave.internal.harness;

import dev.interleave.internal.harness.Counterexample.Attempt;
import dev.interleave.internal.schedule.RandomScheduler;
import dev.interleave.internal.schedule.RecordedRandom;
import dev.interleave.internal.schedule.ReplayScheduler;
import dev.interleave.internal.schedule.ExhaustiveSearch;
import dev.interleave.internal.schedule.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing schedule: first its decisions (drop preemptions, then delta debugging over
 * chunks of the decision list; each candidate re-run with guided replay and kept if it fails
 * the same way with fewer preemptions, or as many and fewer steps), then its input draws (each
 * draw lowered, confirmed by a guided replay or, failing that, a few random schedules), and
 * again until nothing shrinks or the budget is spent. When delta debugging cannot remove a
 * preemption, a bounded exhaustive search with one preemption fewer looks for the same failure.
 *
 * <p>Then it looks for the nearest passing schedule: the passing schedule, with the shrunk
 * inputs, that changes the fewest decisions of the shrunk one. It tries single decisions
 * changed to another process that could have run there (switches first, at most {@link
 * #NEAREST_BUDGET}, until one passes with at most {@link #NEAR_ENOUGH} changes), and keeps,
 * among those and the passing candidates seen while shrinking, the one with the fewest changes.
 */
final class Shrinker {
  static final int BUDGET = 400;
  static final int RANDOM_TRIES = 30;
  static final int SEARCH_BUDGET = 150;
  /** Schedules tried for the nearest passing one, beyond those seen while shrinking. */
  static final int NEAREST_BUDGET = 12;
  /** Changes a found passing schedule may have for the search to stop: a swap of two steps. */
  static final int NEAR_ENOUGH = 2;
  private final ScheduleRunner runner;
  private final Problem target;
  private final int number;
  private int runs;
  private final List<Attempt> passing = new ArrayList<>();
  private Attempt nearestPassing;

  Shrinker(ScheduleRunner runner, Problem target, int number) {
    this.runner = runner;
    this.target = target;
    this.number = number;
  }

  Attempt nearestPassing() {
    return nearestPassing;
  }

  Attempt shrink(Attempt original) throws InterruptedException {
    Attempt best = original;
    boolean progress = true;
    while (progress && runs < BUDGET) {
      Attempt a = shrinkDecisions(best);
      Attempt b = shrinkDraws(a);
      progress = a != best || b != a;
      best = b;
    }
    best = shrinkDecisions(best);
    nearestPassing = nearest(best);
    return best;
  }

  /** The passing schedule with the fewest decisions changed from {@code failing}, or null. */
  private Attempt nearest(Attempt failing) throws InterruptedException {
    int[] d = failing.trace().decisions();
    int tries = 0;
    for (int[] c : oneChanged(failing.trace())) {
      if (tries++ >= NEAREST_BUDGET || nearestChanges(failing) <= NEAR_ENOUGH) {
        break;
      }
      guided(c, failing.draws(), true);
    }
    Attempt best = null;
    for (Attempt a : passing) {
      if (java.util.Arrays.equals(a.draws(), failing.draws()) && (best == null
          || changes(failing.trace(), a.trace()) < changes(failing.trace(), best.trace()))) {
        best = a;
      }
    }
    return best;
  }

  private int nearestChanges(Attempt failing) {
    return passing.stream().filter(a -> java.util.Arrays.equals(a.draws(), failing.draws()))
        .mapToInt(a -> changes(failing.trace(), a.trace())).min().orElse(Integer.MAX_VALUE);
  }

  /** Decision lists with one decision changed to another runnable process; switches first. */
  static List<int[]> oneChanged(Trace t) {
    int[] d = t.decisions();
    List<int[]> switches = new ArrayList<>();
    List<int[]> others = new ArrayList<>();
    for (Step s : t.steps()) {
      for (int q : s.runnable()) {
        if (q != s.process()) {
          int[] c = d.clone();
          c[s.index()] = q;
          boolean atSwitch = s.index() > 0 && d[s.index() - 1] != d[s.index()];
          (atSwitch ? switches : others).add(c);
        }
      }
    }
    switches.addAll(others);
    return switches;
  }

  /** How many decisions {@code b} changes from {@code a}, position by position. */
  static int changes(Trace a, Trace b) {
    int[] x = a.decisions();
    int[] y = b.decisions();
    int n = Math.abs(x.length - y.length);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) {
        n++;
      }
    }
    return n;
  }

  private Attempt shrinkDecisions(Attempt best) throws InterruptedException {
    best = deltaDecisions(best);
    while (best.trace().preemptions() > 0 && runs < BUDGET) {
      Attempt fewer = search(best, best.trace().preemptions() - 1);
      if (fewer == null) {
        break;
      }
      best = deltaDecisions(fewer);
    }
    return best;
  }

  /** Bounded exhaustive search for the same failure with at most {@code bound} preemptions. */
  private Attempt search(Attempt best, int bound) throws InterruptedException {
    ExhaustiveSearch space = new ExhaustiveSearch(bound);
    int limit = Math.min(BUDGET - runs, SEARCH_BUDGET);
    for (int i = 0; i < limit; i++) {
      Scheduler s = space.next();
      if (s == null) {
        return null;
      }
      runs++;
      ChoiceSource choices = ChoiceSource.fixed(best.draws());
      Attempt a = new Attempt(runner.run(number, s, choices), choices.draws());
      if (fails(a)) {
        return a;
      }
      remember(a);
    }
    return null;
  }

  private void remember(Attempt a) {
    if (a.result().problem() == null) {
      passing.add(a);
    }
  }

  private Attempt deltaDecisions(Attempt best) throws InterruptedException {
    boolean progress = true;
    while (progress && runs < BUDGET) {
      progress = false;
      for (int[] c : candidates(best.trace())) {
        Attempt a = guided(c, best.draws(), true);
        if (fails(a) && smaller(a.trace(), best.trace())) {
          best = a;
          progress = true;
          break;
        }
        if (runs >= BUDGET) {
          break;
        }
      }
    }
    return best;
  }

  private Attempt shrinkDraws(Attempt best) throws InterruptedException {
    long[] draws = best.draws();
    for (int i = 0; i < draws.length && runs < BUDGET; i++) {
      for (long v : new long[] {0, draws[i] / 2, draws[i] - 1}) {
        if (v >= draws[i]) {
          continue;
        }
        long[] c = best.draws().clone();
        c[i] = v;
        Attempt a = tryInput(c, best.trace().decisions());
        if (a != null) {
          best = a;
          break;
        }
      }
    }
    return best;
  }

  private Attempt tryInput(long[] draws, int[] decisions) throws InterruptedException {
    Attempt a = guided(decisions, draws, false);
    if (fails(a)) {
      return a;
    }
    for (int i = 0; i < RANDOM_TRIES && runs < BUDGET; i++) {
      ChoiceSource choices = ChoiceSource.fixed(draws);
      RandomScheduler s = new RandomScheduler(new RecordedRandom(
          RecordedRandom.scheduleSeed(runs, number)));
      runs++;
      a = new Attempt(runner.run(number, s, choices), choices.draws());
      if (fails(a)) {
        return a;
      }
    }
    return null;
  }

  private Attempt guided(int[] decisions, long[] draws, boolean remember)
      throws InterruptedException {
    runs++;
    ChoiceSource choices = ChoiceSource.fixed(draws);
    ScheduleResult r = runner.run(number, new ReplayScheduler(decisions, false), choices);
    Attempt a = new Attempt(r, choices.draws());
    if (remember) {
      remember(a);
    }
    return a;
  }

  private boolean fails(Attempt a) {
    return target.sameAs(a.result().problem());
  }

  private static boolean smaller(Trace a, Trace b) {
    if (a.preemptions() != b.preemptions()) {
      return a.preemptions() < b.preemptions();
    }
    return a.steps().size() < b.steps().size();
  }

  /** Decision lists near {@code t}: one preemption removed, then chunks removed. */
  static List<int[]> candidates(Trace t) {
    int[] d = t.decisions();
    List<int[]> out = new ArrayList<>();
    for (Step s : t.steps()) {
      if (s.preemption()) {
        int[] c = d.clone();
        c[s.index()] = -1; // not runnable: guided replay takes the non-preemptive pick
        out.add(c);
      }
    }
    for (int size = d.length / 2; size >= 1; size /= 2) {
      for (int start = 0; start + size <= d.length; start += size) {
        int[] c = new int[d.length - size];
        System.arraycopy(d, 0, c, 0, start);
        System.arraycopy(d, start + size, c, start, d.length - start - size);
        out.add(c);
      }
    }
    return out;
  }
}
