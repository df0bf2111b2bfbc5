package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.control.Counterexample.Attempt;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Shrinks a failing schedule's inputs: removes processes, deletes elements of generated
 * collections, then lowers each draw. Every candidate is re-run on real workers and kept only
 * if it fails as the original did.
 *
 * <p><b>Removing a process.</b> A removed process keeps its number and name, but its target
 * never runs: its {@code start()} starts a process that has already exited with code 0, so its
 * {@code join()} returns at once; its steps leave the schedule. Removal changes the program,
 * so processes are removed only from a failure of interleaving: one whose scenario passes its
 * serial run (every process running until it blocks or ends, no preemption). A removal is kept
 * only if the failure still happens and the reduced scenario still passes its serial run: a
 * removal that breaks the program on its own (one increment fewer, so "counter == 10" fails in
 * every order) is refused, and the failure shown is still one of interleaving.
 */
final class InputShrinker {
  private final ShrinkRuns runs;
  private Boolean serialPasses;

  InputShrinker(ShrinkRuns runs) {
    this.runs = runs;
  }

  /** {@code best} with fewer processes, or {@code best}. */
  Attempt removeProcesses(Attempt best) throws InterruptedException {
    if (serialPasses == null) {
      serialPasses = runs.serial(best.draws(), best.removed()).result().problem() == null;
    }
    if (!serialPasses) {
      return best; // the failure does not need an interleaving: removal would change its cause
    }
    List<Integer> ids = new ArrayList<>(new TreeSet<>(best.trace().steps().stream()
        .map(Step::process).filter(p -> p != 0).toList()));
    for (int i = ids.size() - 1; i >= 0 && runs.left(); i--) {
      int id = ids.get(i);
      int[] removed = IntStream.concat(IntStream.of(best.removed()), IntStream.of(id))
          .sorted().toArray();
      Attempt a = runs.guided(without(best.trace(), id), best.draws(), removed, false);
      boolean applied = java.util.Arrays.binarySearch(a.removed(), id) >= 0;
      if (applied && runs.fails(a)
          && runs.serial(best.draws(), removed).result().problem() == null) {
        best = a;
      }
    }
    return best;
  }

  /**
   * The decisions of {@code t} without process {@code id}: its own steps go, and so do the
   * retries of a join of it (a removed process has exited before anyone joins it, so the first
   * join on it is its only step).
   */
  static int[] without(Trace t, int id) {
    String object = "process:" + t.processes().get(id);
    java.util.Set<Integer> joined = new java.util.HashSet<>();
    List<Integer> out = new ArrayList<>();
    for (Step s : t.steps()) {
      boolean join = "JOIN".equals(s.op()) && object.equals(s.object());
      if (s.process() != id && (!join || joined.add(s.process()))) {
        out.add(s.decision());
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** {@code best} with collection elements deleted, then draws lowered; or {@code best}. */
  Attempt shrinkDraws(Attempt best) throws InterruptedException {
    return lower(deleteSpans(best));
  }

  /** Deletes the draws of whole elements, the longest spans first. */
  private Attempt deleteSpans(Attempt best) throws InterruptedException {
    int i = 0;
    while (runs.left()) {
      List<int[]> spans = new ArrayList<>(best.spans());
      spans.sort(Comparator.comparingInt((int[] s) -> s[0] - s[1]).thenComparingInt(s -> s[0]));
      if (i >= spans.size()) {
        break;
      }
      long[] c = without(best.draws(), spans.get(i));
      Attempt a = runs.failingWith(c, best.removed(), best.trace().decisions());
      if (a == null && best.removed().length > 0 && runs.left()) {
        // deleting the input of a removed process renumbers the processes after it
        a = runs.guided(best.trace().decisions(), c, new int[0], false);
        a = runs.fails(a) ? a : null;
      }
      if (a != null && a.draws().length < best.draws().length) {
        best = a;
      } else {
        i++;
      }
    }
    return best;
  }

  private Attempt lower(Attempt best) throws InterruptedException {
    for (int i = 0; i < best.draws().length && runs.left(); i++) {
      long d = best.draws()[i];
      for (long v : new java.util.LinkedHashSet<>(List.of(0L, d / 2, d - 1))) {
        if (v >= d) {
          continue;
        }
        long[] c = best.draws().clone();
        c[i] = v;
        Attempt a = runs.failingWith(c, best.removed(), best.trace().decisions());
        if (a != null) {
          best = a;
          break;
        }
      }
    }
    return best;
  }

  private static long[] without(long[] draws, int[] span) {
    long[] c = new long[draws.length - (span[1] - span[0])];
    System.arraycopy(draws, 0, c, 0, span[0]);
    System.arraycopy(draws, span[1], c, span[0], draws.length - span[1]);
    return c;
  }
}
