package dev.interleave.report;

import java.util.List;
import java.util.Map;

/** Small reports built in code for the JSON tests. */
final class SampleReports {
  private SampleReports() {}

  static TestReport racyCounter() {
    ScheduleTrace shrunk =
        new ScheduleTrace(
            "1.2.1.2",
            1,
            List.of("main", "Process-1", "Process-2"),
            List.of(
                step(0, "Process-1", "READ", "read num.txt", false, false),
                step(1, "Process-2", "READ", "read num.txt", true, false),
                step(2, "Process-1", "WRITE", "write num.txt", false, false),
                step(3, "Process-2", "WRITE", "write num.txt", false, true)));
    FindingReport finding =
        new FindingReport(
            FindingKind.INVARIANT,
            "final counter == 0 violated: counter was 1",
            "final counter == 0",
            3,
            12345,
            "mvn test -Dtest=CounterTest#racy -Dinterleave.replay=1.2.1.2",
            shrunk,
            shrunk,
            null,
            List.of(),
            null,
            null);
    return new TestReport(
        "com.acme.CounterTest#racy()",
        "com.acme.CounterTest",
        "racy",
        "racy counter",
        "lock-01-racy-counter",
        RunMode.CONTROLLED,
        "pct",
        Map.of("depth", "2", "alpha", "x"),
        12345,
        Verdict.PASSED,
        Expectation.VIOLATION,
        "expected a violation and found one",
        500,
        37,
        false,
        1234,
        List.of(new InvariantStats("final counter == 0", InvariantKind.FINAL, 37, 2)),
        List.of(new OutcomeCount("0", 35, Grade.ACCEPTABLE, "no lost update")),
        List.of(finding));
  }

  static TraceStep step(
      int index, String process, String op, String label, boolean preempt, boolean violation) {
    return new TraceStep(
        index, process, op, "num.txt", label, "Counter.java:" + (10 + index), preempt, violation);
  }
}
