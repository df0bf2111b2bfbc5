package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TraceStep;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleDiffTest {
  @Test
  void marksPositionsWhereAnotherStepWasTaken() {
    ScheduleTrace racy = trace("P1:read", "P2:read", "P1:write", "P2:write");
    ScheduleTrace passing = trace("P1:read", "P1:write", "P2:read", "P2:write");

    assertEquals(Set.of(1, 2), ScheduleDiff.differing(racy, passing));
  }

  @Test
  void marksStepsBeyondTheCounterexample() {
    assertEquals(
        Set.of(1, 2), ScheduleDiff.differing(trace("P1:a"), trace("P1:a", "P1:b", "P2:c")));
  }

  @Test
  void identicalSchedulesDoNotDiffer() {
    assertEquals(Set.of(), ScheduleDiff.differing(trace("P1:a", "P2:b"), trace("P1:a", "P2:b")));
  }

  private static ScheduleTrace trace(String... steps) {
    List<TraceStep> list = new java.util.ArrayList<>();
    for (int i = 0; i < steps.length; i++) {
      String[] parts = steps[i].split(":");
      list.add(new TraceStep(i, parts[0], "USER", "x", parts[1], null, false, false));
    }
    return new ScheduleTrace("0", 0, List.of("P1", "P2"), list);
  }
}
