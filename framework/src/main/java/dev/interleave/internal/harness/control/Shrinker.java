package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.control.Counterexample.Attempt;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.internal.schedule.ExhaustiveSearch;
import dev.interleave.internal.schedule.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing schedule: first its decisions (drop preemptions, then delta debugging over
 * chunks of the decision list; each candidate re-run with guided replay and kept if it fails
 * the same way with fewer preemptions, or as many and fewer steps), then its processes (each
 * removed if the failure stays, see {@link InputShrinker}), then its input draws (elements of
 * collections deleted, then each draw lowered, confirmed by a guided replay or, failing that, a
 * few random schedules), and again until nothing shrinks or the budget of runs and time is
 * spent. Processes go first: each one removed makes every later candidate cheaper. When delta
 * debugging cannot remove a preemption, a bounded exhaustive search with one preemption fewer
 * looks for the same failure. A kill (crash injection) is a preemption, so a kill the failure
 * does not need is dropped like any; one it needs is moved as early as the failure allows (see
 * {@link KillMover}).
 *
 * <p>Then it looks for the nearest passing schedule: the passing schedule, with the shrunk
 * inputs, that changes the fewest decisions of the shrunk one. It tries single decisions
 * changed to another process that could have run there (switches first, at most {@link
 * #NEAREST_BUDGET}, until one passes with at most {@link #NEAR_ENOUGH} changes), and keeps,
 * among those and the passing candidates seen while shrinking, the one with the fewest changes.
 */
public final class Shrinker {
  static final int BUDGET = 400;
  /** How long shrinking may take, at most, before it reports what it has. */
  static final long TIME_BUDGET_MILLIS = 60_000;
  static final int SEARCH_BUDGET = 150;
  /**
   * Runs kept for the last pass over the decisions: input candidates confirmed by a random
   * schedule may bring preemptions back.
   */
  static final int FINAL_RESERVE = 100;
  /** Schedules tried for the nearest passing one, beyond those seen while shrinking. */
  static final int NEAREST_BUDGET = 12;
  /** Changes a found passing schedule may have for the search to stop: a swap of two steps. */
  static final int NEAR_ENOUGH = 2;
  private final ShrinkRuns runs;
  private final InputShrinker inputs;
  private Attempt nearestPassing;

  Shrinker(ScheduleRunner runner, Problem target, int number) {
    this.runs = new ShrinkRuns(runner, target, number, BUDGET, TIME_BUDGET_MILLIS);
    this.inputs = new InputShrinker(runs);
  }

  Attempt nearestPassing() {
    return nearestPassing;
  }

  Attempt shrink(Attempt original) throws InterruptedException {
    Attempt best = original;
    boolean progress = true;
    while (progress && runs.left() && runs.runs() < BUDGET - FINAL_RESERVE) {
      Attempt a = inputs.removeProcesses(best);
      Attempt b = shrinkDecisions(a);
      Attempt c = inputs.shrinkDraws(b);
      progress = a != best || b != a || c != b;
      best = c;
    }
    best = shrinkDecisions(best);
    nearestPassing = nearest(best);
    return best;
  }

  /** How far shrinking got, in words: runs, time, and why it stopped. */
  String progress(Attempt original, Attempt shrunk) {
    String why = runs.timeIsUp() ? "stopped at its time limit of " + TIME_BUDGET_MILLIS / 1000
        + " s" : runs.runs() >= BUDGET ? "stopped at its budget of " + BUDGET + " schedules"
        : "until no smaller candidate failed";
    StringBuilder sb = new StringBuilder(runs.runs() + " schedules in "
        + String.format(java.util.Locale.ROOT, "%.1f", runs.elapsedMillis() / 1000.0) + " s, "
        + why);
    if (shrunk.removed().length > 0) {
      List<String> names = new ArrayList<>();
      for (int id : shrunk.removed()) {
        if (id < shrunk.trace().processes().size()) { // else no longer started at all
          names.add(shrunk.trace().processes().get(id));
        }
      }
      sb.append(names.isEmpty() ? "" : "; removed " + String.join(", ", names));
    }
    if (shrunk.draws().length < original.draws().length) {
      sb.append("; input draws ").append(original.draws().length).append(" -> ")
          .append(shrunk.draws().length);
    }
    return sb.toString();
  }

  /** The passing schedule with the fewest decisions changed from {@code failing}, or null. */
  private Attempt nearest(Attempt failing) throws InterruptedException {
    int tries = 0;
    for (int[] c : oneChanged(failing.trace())) {
      if (tries++ >= NEAREST_BUDGET || nearestChanges(failing) <= NEAR_ENOUGH) {
        break;
      }
      runs.guided(c, failing.draws(), failing.removed(), true);
    }
    Attempt best = null;
    for (Attempt a : runs.passing) {
      if (ShrinkRuns.sameInputs(a, failing) && (best == null
          || changes(failing.trace(), a.trace()) < changes(failing.trace(), best.trace()))) {
        best = a;
      }
    }
    return best;
  }

  private int nearestChanges(Attempt failing) {
    return runs.passing.stream().filter(a -> ShrinkRuns.sameInputs(a, failing))
        .mapToInt(a -> changes(failing.trace(), a.trace())).min().orElse(Integer.MAX_VALUE);
  }

  /**
   * Decision lists with one decision changed to another runnable process: first each injected
   * kill not made (its process runs instead), then switches, then the rest.
   */
  public static List<int[]> oneChanged(Trace t) {
    int[] d = t.decisions();
    List<int[]> kills = new ArrayList<>();
    List<int[]> switches = new ArrayList<>();
    List<int[]> others = new ArrayList<>();
    for (Step s : t.steps()) {
      for (int q : s.runnable()) {
        if (q != d[s.index()]) {
          int[] c = d.clone();
          c[s.index()] = q;
          boolean atSwitch = s.index() > 0 && d[s.index() - 1] != d[s.index()];
          (s.killed() && q == s.process() ? kills : atSwitch ? switches : others).add(c);
        }
      }
    }
    kills.addAll(switches);
    kills.addAll(others);
    return kills;
  }

  /** How many decisions {@code b} changes from {@code a}, position by position. */
  public static int changes(Trace a, Trace b) {
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
    best = decisionPasses(best);
    while (best.trace().preemptions() > 0 && runs.left()) {
      Attempt fewer = search(best, best.trace().preemptions() - 1);
      if (fewer == null || fewer.trace().preemptions() >= best.trace().preemptions()) {
        break;
      }
      best = decisionPasses(fewer);
    }
    return best;
  }

  /**
   * The kills moved as early as the failure allows (a few runs, and every later candidate is
   * shorter), then delta debugging; if the moves left more preemptions than delta debugging
   * could drop, delta debugging of the schedule as it was.
   */
  private Attempt decisionPasses(Attempt best) throws InterruptedException {
    Attempt moved = deltaDecisions(new KillMover(runs).moveEarlier(best));
    return moved.trace().preemptions() <= best.trace().preemptions() ? moved
        : deltaDecisions(best);
  }

  /** Bounded exhaustive search for the same failure with at most {@code bound} preemptions. */
  private Attempt search(Attempt best, int bound) throws InterruptedException {
    ExhaustiveSearch space = new ExhaustiveSearch(bound);
    for (int i = 0; i < SEARCH_BUDGET && runs.left(); i++) {
      Scheduler s = space.next();
      if (s == null) {
        return null;
      }
      Attempt a = runs.run(s, best.inputs(), true);
      if (runs.fails(a)) {
        return a;
      }
    }
    return null;
  }

  private Attempt deltaDecisions(Attempt best) throws InterruptedException {
    boolean progress = true;
    while (progress && runs.left() && runs.runs() < BUDGET - FINAL_RESERVE) {
      progress = false;
      for (int[] c : candidates(best.trace())) {
        Attempt a = runs.guided(c, best.draws(), best.removed(), true);
        if (runs.fails(a) && smaller(a.trace(), best.trace())) {
          best = a;
          progress = true;
          break;
        }
        if (!runs.left()) {
          break;
        }
      }
    }
    return best;
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
