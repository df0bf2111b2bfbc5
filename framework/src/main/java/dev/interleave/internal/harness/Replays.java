package dev.interleave.internal.harness;

import dev.interleave.internal.harness.Counterexample.Attempt;
import dev.interleave.internal.schedule.DivergenceException;
import dev.interleave.internal.schedule.ReplayScheduler;
import dev.interleave.internal.schedule.Scheduler;
import dev.interleave.internal.schedule.StepView;
import java.util.List;

/** Strict replays of a recorded schedule, step by step against its trace. */
final class Replays {
  private Replays() {}

  /**
   * Replays {@code recorded} with its draws; a run that leaves the record at some step ends
   * with a {@link Problem.Kind#DIVERGENCE} naming the step.
   */
  static Attempt check(ScheduleRunner runner, Attempt recorded, int number)
      throws InterruptedException {
    ChoiceSource choices = ChoiceSource.fixed(recorded.draws());
    Scheduler checking = new Checking(recorded.trace());
    ScheduleResult r = runner.run(number, checking, choices);
    return new Attempt(r, choices.draws());
  }

  /** Replays a trace and compares each step's runnable set and operation with the record. */
  private static final class Checking implements Scheduler {
    private final Trace expected;
    private final ReplayScheduler replay;

    Checking(Trace expected) {
      this.expected = expected;
      this.replay = new ReplayScheduler(expected.decisions(), true);
    }

    @Override
    public int pick(StepView view) {
      int step = view.step();
      if (step < expected.steps().size()) {
        Step want = expected.steps().get(step);
        List<Integer> ids = view.runnable().stream().map(c -> c.process()).toList();
        if (!ids.equals(want.runnable())) {
          throw new DivergenceException(step, "the record has processes " + want.runnable()
              + " runnable but the run has " + ids);
        }
        view.runnable().stream().filter(c -> c.process() == want.process()).findFirst()
            .ifPresent(c -> {
              if (!java.util.Objects.equals(c.op(), want.op())
                  || !java.util.Objects.equals(c.object(), want.object())
                  || !java.util.Objects.equals(c.label(), want.label())) {
                throw new DivergenceException(step, "the record has "
                    + want.describe(expected.processes()) + " but the run has " + c.op()
                    + (c.object() == null ? "" : " " + c.object())
                    + (c.label() == null ? "" : " '" + c.label() + "'"));
              }
            });
      }
      return replay.pick(view);
    }

    @Override
    public void finish(int steps) {
      replay.finish(steps);
    }
  }
}
