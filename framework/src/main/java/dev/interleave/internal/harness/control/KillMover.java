package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.control.Counterexample.Attempt;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves each injected kill of a failing schedule as early as the failure allows. The kill of
 * process p at step i is tried at the earlier steps where p could be picked (from the first
 * one): the decisions before that step are kept, the kill comes next, then the decisions from
 * that step to i without p's own (p is dead by then), then those after i. The positions where
 * the kill still fails are taken to end at i, so the earliest is found by binary search, in
 * about log2(i) runs; a move is kept only if the failure is the same (kind and invariant).
 * Each kill is moved in its turn, the first one first. A move may add preemptions: a decision
 * that followed the kill may now preempt a process that ran on in the victim's place. The
 * shrinker's delta debugging drops those afterwards, and keeps the moves only if the schedule
 * ends with no more preemptions than before.
 */
final class KillMover {
  private final ShrinkRuns runs;

  KillMover(ShrinkRuns runs) {
    this.runs = runs;
  }

  /** {@code best} with its kills moved earlier, or {@code best} if none could move. */
  Attempt moveEarlier(Attempt best) throws InterruptedException {
    for (int k = 0; k < kills(best.trace()).size() && runs.left(); k++) {
      best = move(best, k);
    }
    return best;
  }

  /** {@code best} with its kill number {@code k} (from 0) moved as early as it still fails. */
  private Attempt move(Attempt best, int k) throws InterruptedException {
    Step kill = kills(best.trace()).get(k);
    List<Integer> positions = positions(best.trace(), kill);
    int lo = 0;
    int hi = positions.size(); // positions[hi], if it were there, is the kill's own step
    while (lo < hi && runs.left()) {
      int mid = (lo + hi) >>> 1;
      int to = positions.get(mid);
      int from = kills(best.trace()).get(k).index();
      Attempt a = runs.guided(moved(best.trace().decisions(), from, to, kill.process()),
          best.draws(), best.removed(), true);
      if (runs.fails(a) && killAt(a.trace(), k, to, kill.process())) {
        best = a;
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return best;
  }

  private static List<Step> kills(Trace t) {
    return t.steps().stream().filter(Step::killed).toList();
  }

  /** Whether kill number {@code k} of {@code t} kills {@code process} at step {@code index}. */
  private static boolean killAt(Trace t, int k, int index, int process) {
    List<Step> kills = kills(t);
    return k < kills.size() && kills.get(k).index() == index
        && kills.get(k).process() == process;
  }

  /**
   * The steps before {@code kill}, after the previous kill, at which its process could have
   * been picked: where it may be killed instead (the kills before stay where they are).
   */
  static List<Integer> positions(Trace t, Step kill) {
    int start = 0;
    for (Step s : t.steps()) {
      if (s.killed() && s.index() < kill.index()) {
        start = s.index() + 1;
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int i = start; i < kill.index(); i++) {
      if (t.steps().get(i).runnable().contains(kill.process())) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * {@code d} with its kill at {@code from} moved to {@code to}: the decisions between, but
   * those of the killed {@code process}, follow the kill.
   */
  static int[] moved(int[] d, int from, int to, int process) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < to; i++) {
      out.add(d[i]);
    }
    out.add(d[from]);
    for (int i = to; i < from; i++) {
      if (d[i] != process) {
        out.add(d[i]);
      }
    }
    for (int i = from + 1; i < d.length; i++) {
      out.add(d[i]);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
