package dev.interleave.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interleave.report.Expectation;
import dev.interleave.report.FindingKind;
import dev.interleave.report.FindingReport;
import dev.interleave.report.Grade;
import dev.interleave.report.InvariantKind;
import dev.interleave.report.InvariantStats;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.RunMode;
import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The totals of merged shards, on reports made up for the purpose. */
class ShardMergeTest {
  static final String ID = "com.acme.T#m()";

  static TestReport shard(String shard, long seed, long planned, long explored, Verdict verdict,
      FindingReport finding) {
    return new TestReport(ID, "com.acme.T", "m", "m", "m", RunMode.CONTROLLED, "random",
        Map.of("shard", shard, "timeoutMillis", "1000"), seed, verdict, Expectation.PASS,
        "reason " + shard, planned, explored, false, 100,
        List.of(new InvariantStats("x == 1", InvariantKind.FINAL, explored, 0)),
        List.of(new OutcomeCount("one", explored, Grade.ACCEPTABLE, "")),
        finding == null ? List.of() : List.of(finding), null, null);
  }

  static FindingReport finding(long at) {
    return new FindingReport(FindingKind.INVARIANT, "broke at " + at, "x == 1", at, 1,
        "mvn test", null, null, null, List.of(), null, null);
  }

  @Test
  void withoutFindingsSchedulesPlannedTimeOutcomesAndChecksAddUp() {
    TestReport m = ShardMerge.mergeOne(ID, List.of(
        shard("1/2", 1, 5, 5, Verdict.PASSED, null),
        shard("2/2", 1, 5, 4, Verdict.INTERESTING, null)));
    assertThat(m.schedulesExplored()).isEqualTo(9);
    assertThat(m.schedulesPlanned()).isEqualTo(10);
    assertThat(m.elapsedMillis()).isEqualTo(200);
    assertThat(m.outcomes()).singleElement().extracting(OutcomeCount::count).isEqualTo(9L);
    assertThat(m.invariants()).singleElement().extracting(InvariantStats::checks)
        .isEqualTo(9L);
    assertThat(m.verdict()).isEqualTo(Verdict.INTERESTING);
    assertThat(m.strategyParams()).doesNotContainKey("shard");
    assertThat(m.reason()).isEqualTo("reason 2/2; merged from 2 shards: 9 schedules in all");
  }

  @Test
  void withFindingsTheLowestScheduleNumberStopsTheMergedRun() {
    TestReport m = ShardMerge.mergeOne(ID, List.of(
        shard("1/3", 1, 4, 2, Verdict.FAILED, finding(4)),
        shard("2/3", 1, 3, 3, Verdict.PASSED, null),
        shard("3/3", 1, 3, 1, Verdict.FAILED, finding(3))));
    assertThat(m.schedulesExplored()).isEqualTo(3);
    assertThat(m.findings()).singleElement().extracting(FindingReport::firstAtSchedule)
        .isEqualTo(3L);
    assertThat(m.reason()).startsWith("reason 3/3");
  }

  @Test
  void shardsOfDifferentRunsAreRefused() {
    assertThatThrownBy(() -> ShardMerge.mergeOne(ID, List.of(
        shard("1/2", 1, 5, 5, Verdict.PASSED, null),
        shard("2/2", 2, 5, 5, Verdict.PASSED, null))))
        .hasMessage("the shards of com.acme.T#m() must share seed, strategy and mode but were:"
            + " seed 1, random, CONTROLLED and seed 2, random, CONTROLLED");
    assertThatThrownBy(() -> ShardMerge.mergeOne(ID, List.of(
        shard("1/2", 1, 5, 5, Verdict.PASSED, null),
        shard("1/2", 1, 5, 5, Verdict.PASSED, null))))
        .hasMessage("the reports of com.acme.T#m() must be the shards [1/2, 2/2] once each but"
            + " were: [1/2, 1/2]");
  }
}
