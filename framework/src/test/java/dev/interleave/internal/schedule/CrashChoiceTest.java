package dev.interleave.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How each strategy treats the kill candidates crash injection offers. */
class CrashChoiceTest {

  /** Processes 0..n-1 ready, and the kills of 1..n-1 if {@code kills}. */
  private static StepView view(int step, int n, boolean kills) {
    List<Candidate> out = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      out.add(new Candidate(p, "USER", "x", null));
    }
    for (int p = 1; kills && p < n; p++) {
      out.add(Candidate.kill(p, null));
    }
    return new StepView(step, -1, out);
  }

  /** How many of {@code picks} picks of {@code s} over 3 processes with kills are kills. */
  private static int kills(Scheduler s, int picks) {
    int kills = 0;
    for (int i = 0; i < picks; i++) {
      int pick = s.pick(view(i, 3, true));
      assertThat(pick).isIn(0, 1, 2, Candidate.KILL_BASE + 1, Candidate.KILL_BASE + 2);
      kills += pick >= Candidate.KILL_BASE ? 1 : 0;
    }
    return kills;
  }

  @Test
  @DisplayName("with no kill offered, random walk draws exactly as before")
  void noKillsOfferedChangesNoPick() {
    RandomScheduler random = new RandomScheduler(new RecordedRandom(5));
    RecordedRandom plain = new RecordedRandom(5);
    for (int i = 0; i < 200; i++) {
      assertThat(random.pick(view(i, 3, false))).isEqualTo(plain.nextInt(3));
    }
  }

  @Test
  @DisplayName("random walk draws a kill about one pick in 16")
  void randomDrawsAKillOneTimeIn16() {
    int kills = kills(new RandomScheduler(new RecordedRandom(11)), 1600);
    assertThat(kills).isBetween(60, 140); // 100 expected; the seed fixes the count
  }

  /**
   * The processes {@code s} kills in a schedule of {@code steps} steps of processes 0..n-1 in
   * which, as the controller offers them, kills of processes other than main are offered while
   * fewer than {@code crashes} were made, and a killed process is offered no more.
   */
  private static List<Integer> killsMade(Scheduler s, int n, int crashes, int steps) {
    List<Integer> made = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      List<Candidate> out = new ArrayList<>();
      for (int p = 0; p < n; p++) {
        if (!made.contains(p)) {
          out.add(new Candidate(p, "USER", "x" + p, null));
        }
      }
      for (int p = 1; p < n && made.size() < crashes; p++) {
        if (!made.contains(p)) {
          out.add(Candidate.kill(p, null));
        }
      }
      StepView view = new StepView(i, -1, out);
      int pick = s.pick(view);
      assertThat(view.isRunnable(pick)).as("pick %d among those offered", pick).isTrue();
      if (pick >= Candidate.KILL_BASE) {
        made.add(pick - Candidate.KILL_BASE);
      }
    }
    return made;
  }

  @Test
  @DisplayName("PCT injects one kill per schedule with crashes = 1, as many as crashes with more")
  void pctKillsUpToTheBudget() {
    for (long seed = 1; seed <= 50; seed++) {
      // k = 20 steps, a schedule of 40: every kill step drawn is reached, the budget is spent
      assertThat(killsMade(new PctScheduler(new RecordedRandom(seed), 2, 20), 4, 1, 40))
          .as("kills with seed %d", seed).hasSize(1);
      assertThat(killsMade(new PctScheduler(new RecordedRandom(seed), 2, 20), 4, 2, 40))
          .as("kills with seed %d", seed).hasSize(2).doesNotContain(0);
    }
    int[] counts = new int[4];
    for (long seed = 1; seed <= 200; seed++) {
      // a schedule half as long as k: later kill steps are not reached
      counts[killsMade(new PctScheduler(new RecordedRandom(seed), 2, 40), 4, 3, 20).size()]++;
    }
    assertThat(counts).as("schedules with 0, 1, 2, 3 kills").doesNotContain(0);
  }

  @Test
  @DisplayName("POS draws a kill about one pick in 16, within the budget")
  void posKillsOneTimeIn16() {
    int kills = kills(new PosScheduler(new RecordedRandom(11)), 1600);
    assertThat(kills).isBetween(60, 140); // 100 expected; the seed fixes the count
    int two = 0;
    for (long seed = 1; seed <= 50; seed++) {
      List<Integer> made = killsMade(new PosScheduler(new RecordedRandom(seed)), 3, 2, 100);
      assertThat(made).as("kills with seed %d", seed).hasSizeLessThanOrEqualTo(2)
          .doesNotContain(0).doesNotHaveDuplicates();
      two += made.size() == 2 ? 1 : 0;
    }
    assertThat(two).as("schedules with two kills").isPositive();
  }

  @Test
  @DisplayName("exhaustive search enumerates kills as preemptions; decisions round-trip them")
  void exhaustiveEnumeratesKills() {
    ExhaustiveSearch space = new ExhaustiveSearch(1);
    List<Integer> firstPicks = new ArrayList<>();
    for (Scheduler s = space.next(); s != null; s = space.next()) {
      firstPicks.add(s.pick(view(0, 2, true)));
    }
    assertThat(firstPicks).containsExactly(0, 1, Candidate.KILL_BASE + 1);
    int[] d = {0, Candidate.KILL_BASE + 2, 1};
    assertThat(Decisions.parse(Decisions.format(d))).containsExactly(d);
  }
}
