package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.control.Counterexample.Attempt;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.schedule.RandomScheduler;
import dev.interleave.internal.schedule.RecordedRandom;
import dev.interleave.internal.schedule.ReplayScheduler;
import dev.interleave.internal.schedule.Scheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The schedules a shrinker runs, within its budget of runs and time: each candidate runs on
 * real workers, and counts as failing only if it fails as the original did (same kind, same
 * invariant). Passing candidates are kept for the nearest passing schedule.
 *
 * <p>A guided replay is deterministic in its decisions and inputs, so each one runs once: a
 * candidate asked for again (the passes repeat over an unchanged schedule, and different
 * candidates often lead to the same schedule) is answered from the runs already made, under
 * the decisions it was asked with and under those it took. Repeats cost most where crash
 * injection kills a worker: every kill costs a fresh worker JVM.
 */
final class ShrinkRuns {
  /** Random schedules tried for an input when its guided replay left the recorded decisions. */
  static final int RANDOM_TRIES = 10;
  /** Random schedules tried for an input whose guided replay followed every decision. */
  static final int FOLLOWED_TRIES = 2;
  private final ScheduleRunner runner;
  private final Problem target;
  private final int number;
  private final int budget;
  private final long deadline;
  private final long start = System.nanoTime();
  private int runs;
  final List<Attempt> passing = new ArrayList<>();
  private final java.util.Map<String, Attempt> guidedRuns = new java.util.HashMap<>();

  ShrinkRuns(ScheduleRunner runner, Problem target, int number, int budget, long millis) {
    this.runner = runner;
    this.target = target;
    this.number = number;
    this.budget = budget;
    this.deadline = start + millis * 1_000_000;
  }

  /** Whether budget (runs and time) is left. */
  boolean left() {
    return runs < budget && System.nanoTime() < deadline;
  }

  int runs() {
    return runs;
  }

  boolean timeIsUp() {
    return System.nanoTime() >= deadline;
  }

  long elapsedMillis() {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Runs {@code s} with {@code inputs}; passing runs are remembered if {@code remember}. */
  Attempt run(Scheduler s, ChoiceSource inputs, boolean remember) throws InterruptedException {
    runs++;
    Attempt a = Attempt.of(runner.run(number, s, inputs), inputs);
    if (remember && a.result().problem() == null) {
      passing.add(a);
    }
    return a;
  }

  /** Guided replay of {@code decisions} (the non-preemptive pick where they cannot be followed). */
  Attempt guided(int[] decisions, long[] draws, int[] removed, boolean remember)
      throws InterruptedException {
    String key = key(decisions, draws, removed);
    Attempt a = guidedRuns.get(key);
    if (a == null) {
      a = run(new ReplayScheduler(decisions, false), ChoiceSource.fixed(draws, removed), false);
      guidedRuns.put(key, a);
      guidedRuns.putIfAbsent(key(a.trace().decisions(), a.draws(), a.removed()), a);
    }
    if (remember && a.result().problem() == null && !passing.contains(a)) {
      passing.add(a);
    }
    return a;
  }

  private static String key(int[] decisions, long[] draws, int[] removed) {
    return Arrays.toString(decisions) + Arrays.toString(draws) + Arrays.toString(removed);
  }

  /** The run that never preempts: each process runs until it blocks or ends. */
  Attempt serial(long[] draws, int[] removed) throws InterruptedException {
    return guided(new int[0], draws, removed, false);
  }

  /**
   * A failing run with these inputs: the guided replay of {@code decisions}, else a few random
   * schedules (more when the replay had to leave the decisions); null if none failed.
   */
  Attempt failingWith(long[] draws, int[] removed, int[] decisions) throws InterruptedException {
    Attempt a = guided(decisions, draws, removed, false);
    if (fails(a)) {
      return a;
    }
    int tries = Arrays.equals(a.trace().decisions(), decisions) ? FOLLOWED_TRIES : RANDOM_TRIES;
    for (int i = 0; i < tries && left(); i++) {
      RandomScheduler s = new RandomScheduler(new RecordedRandom(
          RecordedRandom.scheduleSeed(runs, number)));
      a = run(s, ChoiceSource.fixed(draws, removed), false);
      if (fails(a)) {
        return a;
      }
    }
    return null;
  }

  boolean fails(Attempt a) {
    return target.sameAs(a.result().problem());
  }

  /** Whether two runs had the same inputs. */
  static boolean sameInputs(Attempt a, Attempt b) {
    return Arrays.equals(a.draws(), b.draws()) && Arrays.equals(a.removed(), b.removed());
  }
}
