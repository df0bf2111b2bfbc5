package dev.interleave.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.report.Grade;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.ReportJson;
import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TestReport;
import dev.interleave.report.TraceStep;
import dev.interleave.report.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timelines of any length fold, the index takes a thousand tests, histograms sort. */
class LongRunsTest {
  @TempDir Path dir;

  @Test
  void longRunsOfOneProcessFoldAndEveryStepIsStillDrawn() {
    List<TraceStep> steps = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String process = i < 500 ? "P" + (i % 2) : "P2";
      steps.add(new TraceStep(i, process, "USER", null, "s" + i, null, false, false));
    }
    ScheduleTrace trace = new ScheduleTrace("0", 0, List.of("P0", "P1", "P2"), steps);
    List<TimelineParts> parts = TimelineParts.of(steps);
    assertThat(parts.stream().mapToInt(p -> p.steps().size()).sum()).isEqualTo(1000);
    assertThat(parts).anyMatch(p -> p.folded() && p.steps().size() == 499
        && p.summary(0).equals("499 steps of P2 (#501\u2013#999)"));
    assertThat(parts.stream().filter(p -> !p.folded()).mapToInt(p -> p.steps().size()).sum())
        .isLessThanOrEqualTo(TimelineParts.OPEN_ROWS + 1);
    Html html = new Html();
    ScheduleFigure.render(html, "t", trace, java.util.Set.of(), "");
    assertThat(html.toString()).contains("s999").contains("<details class=\"fold\">");
  }

  @Test
  void anIndexOfAThousandTestsHasAThousandRows() throws IOException {
    for (int i = 0; i < 1000; i++) {
      ReportJson.write(report("t" + i, i % 7 == 0 ? Verdict.FAILED : Verdict.PASSED),
          dir.resolve("t" + i + ".json"));
    }
    SortedMap<String, String> pages = HtmlReportRenderer.pages(dir);
    String index = pages.get(IndexPage.FILE_NAME);
    assertThat(index.split("<tr class=\"row ", -1)).hasSize(1001);
    assertThat(index.indexOf("row failed")).isLessThan(index.indexOf("row passed"));
  }

  @Test
  void outcomesSortNumbersByValueAndKeepUnseenDeclaredOnes() {
    List<OutcomeCount> outcomes = List.of(new OutcomeCount("10", 1, Grade.INTERESTING, null),
        new OutcomeCount("9", 0, Grade.INTERESTING, null),
        new OutcomeCount("capacity", 2, Grade.ACCEPTABLE, null),
        new OutcomeCount("1", 3, Grade.INTERESTING, null));
    assertThat(outcomes.stream().sorted(OutcomeSection.ORDER).map(OutcomeCount::outcome))
        .containsExactly("1", "9", "10", "capacity");
    assertThat(OutcomeSection.observed(outcomes, Grade.INTERESTING))
        .isEqualTo("1 (3\u00d7), 10 (1\u00d7)");
    Html html = new Html();
    OutcomeSection.render(html, outcomes);
    assertThat(html.toString()).contains("grade-interesting unseen").contains("Outcomes of 6");
  }

  private static TestReport report(String name, Verdict verdict) {
    return new TestReport("com.acme." + name + "#m()", "com.acme." + name, "m", name, null, null,
        "random", Map.of(), 1, verdict, null, "because " + name, 10, 10, false, 5, List.of(),
        List.of(), List.of());
  }
}
