package dev.interleave.internal.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.internal.harness.control.Shrinker;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.report.StepKind;
import dev.interleave.report.SwitchCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Step kinds and switch causes derived from recorded runnable sets; nearest-schedule helpers. */
class StepCausesTest {
  private static final List<String> NAMES = List.of("main", "Process-1", "Process-2");

  /** Steps as "process:op:runnable...", for example "1:READ:1,2". */
  static Trace trace(String... steps) {
    List<Step> out = new ArrayList<>();
    int last = -1;
    for (String s : steps) {
      String[] p = s.split(":");
      int process = Integer.parseInt(p[0]);
      List<Integer> runnable = new ArrayList<>();
      for (String r : p[2].split(",")) {
        runnable.add(Integer.parseInt(r));
      }
      boolean preemption = last >= 0 && last != process && runnable.contains(last);
      out.add(new Step(out.size(), process, p[1], "x", null, null, preemption, runnable));
      last = process;
    }
    return new Trace(NAMES, out, -1);
  }

  @Test
  void aJoinThatBlockedIsMarkedAndItsRetryToo() {
    Trace t = trace("0:JOIN:0,1", "1:USER:1", "0:JOIN:0");
    StepCauses c = StepCauses.of(t, Set.of(), true);
    assertThat(c.kinds).containsExactly(StepKind.BLOCKED, StepKind.OPERATION, StepKind.RETRY);
    assertThat(c.causes).containsExactly(null, SwitchCause.BLOCKED, SwitchCause.EXITED);
  }

  @Test
  void preemptionSleepAndExitAreToldApart() {
    Trace t = trace("1:USER:1,2", "2:USER:1,2", "2:USER:1,2", "1:SLEEP:1", "1:USER:1",
        "0:TERMINATE:0");
    StepCauses c = StepCauses.of(t, Set.of(), true);
    assertThat(c.causes).containsExactly(null, SwitchCause.PREEMPTED, null, SwitchCause.EXITED,
        null, SwitchCause.EXITED);
    assertThat(c.kinds[5]).isEqualTo(StepKind.KILL);
    Trace slept = trace("1:USER:1,2", "2:USER:2", "1:SLEEP:1");
    assertThat(StepCauses.of(slept, Set.of(), true).causes[1]).isEqualTo(SwitchCause.SLEPT);
  }

  @Test
  void aProcessWhoseOnlyCandidateIsItsTimerSleptRatherThanWasPreempted() {
    List<Step> steps = List.of(
        new Step(0, 1, "USER", "x", null, null, false, List.of(1, 2)),
        new Step(1, 2, "USER", "x", null, null, false, List.of(1, 2)),
        new Step(2, 1, "SLEEP", null, null, null, false, List.of(1)));
    StepCauses c = StepCauses.of(new Trace(NAMES, steps, -1), Set.of(), true);
    assertThat(c.causes[1]).isEqualTo(SwitchCause.SLEPT);
  }

  @Test
  void aScheduleCutShortLeavesUnknownCausesAndDeadlockWaitersBlocked() {
    Trace t = trace("1:ACQUIRE:1,2", "2:ACQUIRE:2");
    assertThat(StepCauses.of(t, Set.of(), false).causes[1]).isNull();
    StepCauses dead = StepCauses.of(t, Set.of("Process-1", "Process-2"), true);
    assertThat(dead.causes[1]).isEqualTo(SwitchCause.BLOCKED);
    assertThat(dead.kinds).containsExactly(StepKind.BLOCKED, StepKind.BLOCKED);
  }

  @Test
  void changesCountDifferingDecisionsAndTheLengthDifference() {
    Trace a = trace("1:USER:1,2", "2:USER:1,2", "1:USER:1");
    Trace b = trace("1:USER:1,2", "1:USER:1,2", "2:USER:2", "2:USER:2");
    assertThat(Shrinker.changes(a, a)).isZero();
    assertThat(Shrinker.changes(a, b)).isEqualTo(3);
  }

  @Test
  void oneChangedTriesEveryOtherRunnableProcessSwitchesFirst() {
    Trace t = trace("1:USER:1,2", "1:USER:1,2", "2:USER:1,2");
    List<int[]> candidates = Shrinker.oneChanged(t);
    assertThat(candidates).hasSize(3);
    assertThat(candidates.get(0)).containsExactly(1, 1, 1);
    assertThat(candidates.get(1)).containsExactly(2, 1, 2);
    assertThat(candidates.get(2)).containsExactly(1, 2, 2);
  }

  @Test
  void mavenReplayCommandNamesTheTestAloneAndRunsAsCopied() {
    String command = ReportMapping.mavenReplayCommand(StepCausesTest.class, "m", "1:0.1");
    assertThat(command).doesNotContain("\n", "#  ")
        .endsWith(" -Dtest=StepCausesTest#m -Dinterleave.replay=1:0.1");
    assertThat(ReportMapping.cliReplayCommand("4.1-racy", "1:0.1"))
        .isEqualTo("interleave replay 4.1-racy --replay 1:0.1");
  }
}
