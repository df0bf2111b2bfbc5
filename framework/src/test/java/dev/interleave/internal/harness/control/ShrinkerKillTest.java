package dev.interleave.internal.harness.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.internal.schedule.Candidate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The candidates shrinking builds around an injected kill (the runs: {@link CrashTest}). */
class ShrinkerKillTest {
  private static final int KILL_1 = Candidate.KILL_BASE + 1;

  /** A trace of {@code decisions}; every step offers processes 0..2 unless {@code blocked}. */
  private static Trace trace(int[] decisions, int blocked) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < decisions.length; i++) {
      boolean kill = decisions[i] >= Candidate.KILL_BASE;
      int p = kill ? decisions[i] - Candidate.KILL_BASE : decisions[i];
      List<Integer> runnable = new ArrayList<>(List.of(0, 1, 2));
      runnable.remove(Integer.valueOf(i == blocked ? 1 : -1));
      steps.add(new Step(i, p, kill ? Step.KILL : "USER", null, null, null, kill, runnable));
    }
    return new Trace(List.of("main", "Process-1", "Process-2"), steps, -1);
  }

  @Test
  @DisplayName("a moved kill comes before the others' steps and drops the victim's")
  void aMovedKillDropsTheVictimsStepsBetween() {
    int[] d = {0, 1, 1, 2, 1, 2, KILL_1, 0};
    assertThat(KillMover.moved(d, 6, 2, 1)).containsExactly(0, 1, KILL_1, 2, 2, 0);
    assertThat(KillMover.moved(d, 6, 0, 1)).containsExactly(KILL_1, 0, 2, 2, 0);
  }

  @Test
  @DisplayName("a kill may move to the steps where its process could run, after earlier kills")
  void positionsAreTheStepsWhereTheVictimCouldRun() {
    Trace t = trace(new int[] {0, 1, 2, 2, 1, KILL_1, 0}, 3);
    assertThat(KillMover.positions(t, t.steps().get(5))).containsExactly(0, 1, 2, 4);
    Trace twice = trace(new int[] {0, Candidate.KILL_BASE + 2, 1, 1, KILL_1}, -1);
    assertThat(KillMover.positions(twice, twice.steps().get(4))).containsExactly(2, 3);
  }

  @Test
  @DisplayName("the nearest passing schedule tries the kill not made first")
  void theKillNotMadeIsTheFirstNeighbour() {
    Trace t = trace(new int[] {0, 1, 2, KILL_1, 0}, -1);
    assertThat(Shrinker.oneChanged(t).get(0)).containsExactly(0, 1, 2, 1, 0);
    assertThat(Shrinker.oneChanged(t)).noneMatch(c -> java.util.Arrays.equals(c,
        t.decisions()));
  }
}
