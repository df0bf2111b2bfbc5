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

  @Test
  @DisplayName("PCT injects one kill per schedule, POS none")
  void pctKillsOncePosNever() {
    int pct = 0;
    for (long seed = 1; seed <= 50; seed++) {
      int k = kills(new PctScheduler(new RecordedRandom(seed), 2, 20), 20);
      assertThat(k).as("kills with seed %d", seed).isEqualTo(1);
      pct += k;
    }
    assertThat(pct).isEqualTo(50);
    assertThat(kills(new PosScheduler(new RecordedRandom(3)), 100)).isZero();
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
