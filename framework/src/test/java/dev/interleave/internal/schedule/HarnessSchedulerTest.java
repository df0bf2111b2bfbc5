package dev.interleave.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedulers against hand-made step views. */
class HarnessSchedulerTest {

  private static StepView view(int step, int current, int... processes) {
    List<Candidate> c = new ArrayList<>();
    for (int p : processes) {
      c.add(new Candidate(p, "USER", "obj", null));
    }
    return new StepView(step, current, c);
  }

  private static List<Integer> picks(Scheduler s, int steps) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      out.add(s.pick(view(i, i == 0 ? -1 : out.get(i - 1), 0, 1, 2)));
    }
    return out;
  }

  @Test
  void theSameSeedMakesTheSamePicks() {
    for (int seed = 0; seed < 5; seed++) {
      assertThat(picks(new RandomScheduler(new RecordedRandom(seed)), 30))
          .isEqualTo(picks(new RandomScheduler(new RecordedRandom(seed)), 30));
      assertThat(picks(new PctScheduler(new RecordedRandom(seed), 3, 30), 30))
          .isEqualTo(picks(new PctScheduler(new RecordedRandom(seed), 3, 30), 30));
      assertThat(picks(new PosScheduler(new RecordedRandom(seed)), 30))
          .isEqualTo(picks(new PosScheduler(new RecordedRandom(seed)), 30));
    }
  }

  @Test
  void pctWithDepthOneNeverPreempts() {
    List<Integer> p = picks(new PctScheduler(new RecordedRandom(9), 1, 30), 30);
    assertThat(p.stream().distinct()).hasSize(1);
  }

  @Test
  void strictReplayNamesTheStepWhereTheRunLeftItsRecord() {
    ReplayScheduler replay = new ReplayScheduler(Decisions.parse("0.2.1"), true);
    assertThat(replay.pick(view(0, -1, 0, 1))).isZero();
    assertThatThrownBy(() -> replay.pick(view(1, 0, 0, 1)))
        .isInstanceOf(DivergenceException.class)
        .hasMessage("replay diverged at step 1: the record picks process 2 but only [0, 1] can run");
  }

  @Test
  void guidedReplayFallsBackToTheNonPreemptivePick() {
    ReplayScheduler guided = new ReplayScheduler(Decisions.parse("0.2"), false);
    assertThat(guided.pick(view(0, -1, 0, 1))).isZero();
    assertThat(guided.pick(view(1, 1, 0, 1))).isEqualTo(1);
    assertThat(guided.pick(view(2, -1, 0, 1))).isZero();
  }

  @Test
  void exhaustiveSearchEnumeratesEveryScheduleWithinTheBoundAndSaysWhenDone() {
    // two processes, two steps each, always both runnable until done: count the schedules
    ExhaustiveSearch search = new ExhaustiveSearch(1);
    int schedules = 0;
    Scheduler s;
    while ((s = search.next()) != null) {
      schedules++;
      int[] left = {2, 2};
      int current = -1;
      for (int step = 0; left[0] + left[1] > 0; step++) {
        List<Integer> runnable = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
          if (left[p] > 0) {
            runnable.add(p);
          }
        }
        int cur = runnable.contains(current) ? current : -1;
        int pick = s.pick(view(step, cur, runnable.stream().mapToInt(Integer::intValue).toArray()));
        left[pick]--;
        current = pick;
      }
    }
    assertThat(search.exhausted()).isTrue();
    // 0011 and 1100 without a preemption, 0110 and 1001 with one
    assertThat(schedules).isEqualTo(4);
  }

  @Test
  void exhaustiveSearchReportsAPrefixTheRunCannotFollowInsteadOfAbsorbingIt() {
    ExhaustiveSearch search = new ExhaustiveSearch(1);
    Scheduler first = search.next();
    assertThat(first.pick(view(0, -1, 0, 1))).isZero();
    assertThat(first.pick(view(1, 0, 0, 1))).isZero();
    first.finish(2);
    Scheduler second = search.next(); // replays step 0, takes process 1 at step 1
    assertThatThrownBy(() -> second.pick(view(0, -1, 1)))
        .isInstanceOf(DivergenceException.class)
        .hasMessage("replay diverged at step 0: exhaustive search replays the prefix of an"
            + " earlier schedule, which picked process 0 here, but only [1] can run: the scenario"
            + " is not deterministic");
    Scheduler third = search.next(); // takes process 1 at step 0
    assertThat(third.pick(view(0, -1, 0, 1))).isEqualTo(1);
    assertThatThrownBy(() -> third.finish(0)).isInstanceOf(DivergenceException.class)
        .hasMessage("replay diverged at step 0: exhaustive search replays the first 1 step of an"
            + " earlier schedule, but this one ended after 0: the scenario is not deterministic");
  }

  @Test
  void decisionsPrintAndParseAlike() {
    assertThat(Decisions.format(Decisions.parse("1.0.2.2.1"))).isEqualTo("1.0.2.2.1");
    assertThatThrownBy(() -> Decisions.parse("1.x"))
        .hasMessage("decision 1 must be a process number but was: x");
  }
}
