package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.control.Counterexample.Attempt;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.model.ReplayToken;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.StepPrints;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.internal.schedule.Candidate;
import dev.interleave.internal.schedule.DivergenceException;
import dev.interleave.internal.schedule.ReplayScheduler;
import dev.interleave.internal.schedule.Scheduler;
import dev.interleave.internal.schedule.StepView;
import dev.interleave.report.FindingKind;
import java.util.List;
import java.util.Objects;

/**
 * Strict replays of a recorded schedule, step by step against its record: a trace (the
 * explorer's determinism checks) or a replay token's fingerprints (a user's replay). A run that
 * leaves the record ends with a {@link FindingKind#DIVERGENCE} naming the step; a user's replay
 * that follows its record but does not fail as the token recorded ends with a {@link
 * FindingKind#NOT_REPRODUCED}.
 */
final class Replays {
  private Replays() {}

  /** Replays {@code recorded} with its draws, checking each step against its trace. */
  static Attempt check(ScheduleRunner runner, Attempt recorded, int number)
      throws InterruptedException {
    ChoiceSource choices = recorded.inputs();
    Trace expected = recorded.trace();
    Scheduler checking = new Checking(expected.decisions(), (step, view, picked) -> {
      if (step < expected.steps().size()) {
        compare(expected, expected.steps().get(step), view, picked);
      }
    });
    ScheduleResult r = runner.run(number, checking, choices);
    return Attempt.of(r, choices);
  }

  /**
   * Replays {@code token} as schedule {@code number}, checking each step against the token's
   * fingerprints if it has them, and its end against the failure it recorded.
   */
  static Attempt user(ScheduleRunner runner, ReplayToken token, int number)
      throws InterruptedException {
    ChoiceSource choices = ChoiceSource.fixed(token.draws(), token.removed());
    Scheduler s = token.steps() == null ? new ReplayScheduler(token.decisions(), true)
        : new Checking(token.decisions(), (step, view, picked) -> {
          if (step < token.decisions().length) {
            comparePrint(token, step, view, picked);
          }
        });
    ScheduleResult r = runner.run(number, s, choices);
    return Attempt.of(reproduced(token, r), choices);
  }

  /** {@code r}, or a NOT_REPRODUCED result if it passed where the token recorded a failure. */
  private static ScheduleResult reproduced(ReplayToken token, ScheduleResult r) {
    if (token.failureKind() == null || r.problem() != null) {
      return r;
    }
    String recorded = token.failureKind().name().toLowerCase(java.util.Locale.ROOT);
    return r.withOutcome(r.outcome(), Problem.notReproduced(token.failureKind(), "the replay"
        + " token recorded " + (recorded.equals("invariant") || recorded.equals("exception")
            ? "an " : "a ") + recorded + " failure, but its schedule ran to the end without"
        + " one, every step as recorded (" + r.trace().steps().size() + " steps): the failure"
        + " depends on something the schedule does not fix (a changed program, a thread of"
        + " your own, state left from an earlier run, time or unseeded randomness)"));
  }

  private static void compare(Trace expected, Step want, StepView view, Candidate picked) {
    List<Integer> ids = ids(view);
    if (!ids.equals(want.runnable())) {
      throw new DivergenceException(view.step(), "the record has processes " + want.runnable()
          + " runnable but the run has " + ids);
    }
    if (picked != null && (!Objects.equals(picked.op(), want.op())
        || !Objects.equals(picked.object(), want.object())
        || !Objects.equals(picked.label(), want.label()))) {
      throw new DivergenceException(view.step(), "the record has "
          + want.describe(expected.processes()) + " but the run has " + describe(picked));
    }
  }

  private static void comparePrint(ReplayToken token, int step, StepView view,
      Candidate picked) {
    if (picked == null) {
      return; // the decision itself diverges: the replay scheduler says so
    }
    String print = StepPrints.of(picked.op(), picked.object(), picked.label(), ids(view));
    if (!print.equals(StepPrints.at(token.steps(), step))) {
      throw new DivergenceException(step, "the record has another operation or runnable set"
          + " here; the run has process " + picked.process() + " at " + describe(picked)
          + " with processes " + ids(view) + " runnable");
    }
  }

  private static List<Integer> ids(StepView view) {
    return view.withoutKills().runnable().stream().map(Candidate::process).toList();
  }

  private static String describe(Candidate c) {
    return c.op() + (c.object() == null ? "" : " " + c.object())
        + (c.label() == null ? "" : " '" + c.label() + "'");
  }

  /** Checks one step before the recorded decision is taken. */
  private interface StepCheck {
    /** @param picked the recorded process's candidate, or null if it cannot run */
    void check(int step, StepView view, Candidate picked);
  }

  /** Replays decisions strictly, checking each step first. */
  private static final class Checking implements Scheduler {
    private final int[] decisions;
    private final StepCheck check;
    private final ReplayScheduler replay;

    Checking(int[] decisions, StepCheck check) {
      this.decisions = decisions;
      this.check = check;
      this.replay = new ReplayScheduler(decisions, true);
    }

    @Override
    public int pick(StepView view) {
      int step = view.step();
      Candidate picked = null;
      if (step < decisions.length) {
        for (Candidate c : view.runnable()) {
          if (c.process() == decisions[step]) {
            picked = c;
          }
        }
      }
      check.check(step, view, picked);
      return replay.pick(view);
    }

    @Override
    public void finish(int steps) {
      replay.finish(steps);
    }
  }
}
