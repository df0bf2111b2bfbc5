package dev.interleave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {
  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<String> processes = new ArrayList<>(List.of("main"));
    ScheduleTrace trace = new ScheduleTrace("0", 0, processes, null);
    processes.add("Process-1");

    assertEquals(List.of("main"), trace.processes());
    assertEquals(List.of(), trace.steps());
    assertThrows(UnsupportedOperationException.class, () -> trace.processes().add("x"));
  }

  @Test
  void strategyParametersAreSortedAndUnmodifiable() {
    Map<String, String> params = new HashMap<>(Map.of("z", "1", "a", "2", "m", "3"));
    TestReport report = withParams(params);
    params.clear();

    assertEquals(List.of("a", "m", "z"), List.copyOf(report.strategyParams().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> report.strategyParams().put("b", "4"));
  }

  @Test
  void requiredValuesAndCountsAreChecked() {
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> new WaitForEdge("P1", null, "P2"));
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> new InvariantStats("x", InvariantKind.STATE, -3, 0));
    IllegalArgumentException nullElement =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ScheduleTrace("0", 0, java.util.Arrays.asList("main", null), List.of()));

    assertEquals("waitsFor is required but was: null", missing.getMessage());
    assertEquals("checks cannot be negative but was: -3", negative.getMessage());
    assertEquals("processes cannot contain null but was: [main, null]", nullElement.getMessage());
  }

  @Test
  void counterexampleIsTheShrunkScheduleWhenThereIsOne() {
    ScheduleTrace original = new ScheduleTrace("1.1.2", 0, List.of(), List.of());
    ScheduleTrace shrunk = new ScheduleTrace("1.2", 0, List.of(), List.of());

    assertSame(shrunk, finding(original, shrunk).counterexample());
    assertSame(original, finding(original, null).counterexample());
  }

  private static FindingReport finding(ScheduleTrace original, ScheduleTrace shrunk) {
    return new FindingReport(
        FindingKind.HANG, "hang", null, 1, 1, null, original, shrunk, null, null, null, null);
  }

  private static TestReport withParams(Map<String, String> params) {
    TestReport r = SampleReports.racyCounter();
    return new TestReport(
        r.testId(),
        r.className(),
        r.methodName(),
        r.displayName(),
        r.scenario(),
        r.mode(),
        r.strategy(),
        params,
        r.seed(),
        r.verdict(),
        r.expected(),
        r.reason(),
        r.schedulesPlanned(),
        r.schedulesExplored(),
        r.exhausted(),
        r.elapsedMillis(),
        r.invariants(),
        r.outcomes(),
        r.findings());
  }
}
