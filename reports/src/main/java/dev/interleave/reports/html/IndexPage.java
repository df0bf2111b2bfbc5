package dev.interleave.reports.html;

import dev.interleave.report.Expectation;
import dev.interleave.report.FindingReport;
import dev.interleave.report.InvariantStats;
import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The run's {@code index.html}: totals, then one row per test, failures first. */
final class IndexPage {
  static final String FILE_NAME = "index.html";

  private static final Comparator<LoadedReport> ORDER =
      Comparator.comparingInt((LoadedReport r) -> Verdicts.rank(r.verdict()))
          .thenComparing(r -> r.ok() ? r.report().testId() : "")
          .thenComparing(LoadedReport::fileName);

  private IndexPage() {}

  static String render(List<LoadedReport> reports) {
    List<LoadedReport> rows = reports.stream().sorted(ORDER).toList();
    Html html = new Html();
    PageShell.begin(html, "Interleave report");
    html.open("header", "class", "page-head").nl();
    html.element("h1", "Interleave report").nl();
    html.close().nl();
    Totals.render(html, rows);
    if (rows.isEmpty()) {
      html.element("p", "No reports in this directory.", "class", "empty").nl();
    } else {
      table(html, rows);
    }
    return PageShell.end(html);
  }

  private static void table(Html html, List<LoadedReport> rows) {
    html.open("table", "class", "index").nl();
    html.open("thead").open("tr");
    html.element("th", "Verdict").element("th", "Test").element("th", "Scenario");
    html.element("th", "Strategy").element("th", "Schedules", "class", "num");
    html.element("th", "Violations", "class", "num").element("th", "Findings");
    html.element("th", "Time", "class", "num");
    html.close().close().nl();
    html.open("tbody").nl();
    for (LoadedReport row : rows) {
      if (row.ok()) {
        reportRow(html, row);
      } else {
        errorRow(html, row);
      }
    }
    html.close().nl().close().nl();
  }

  private static void reportRow(Html html, LoadedReport row) {
    TestReport r = row.report();
    html.open("tr", "class", "row " + Verdicts.css(r.verdict()));
    html.open("td");
    Verdicts.badge(html, r.verdict());
    html.close();
    html.open("td", "class", "test");
    html.element("a", row.title(), "href", row.pageName());
    if (r.expected() == Expectation.VIOLATION) {
      html.element("span", "expects violation", "class", "tag");
    }
    html.element("div", r.testId(), "class", "sub");
    html.close();
    html.element("td", Format.orNone(r.scenario()));
    html.element("td", Format.strategy(r.strategy(), r.strategyParams()));
    html.element("td", schedules(r), "class", "num");
    html.element("td", Format.count(violations(r)), "class", "num");
    html.element("td", findings(r.findings()));
    html.element("td", Format.millis(r.elapsedMillis()), "class", "num");
    html.close().nl();
  }

  private static void errorRow(Html html, LoadedReport row) {
    html.open("tr", "class", "row error unreadable");
    html.open("td");
    Verdicts.badge(html, Verdict.ERROR);
    html.close();
    html.open("td", "class", "test", "colspan", "7");
    html.element("span", row.fileName(), "class", "file");
    html.element("div", row.problem(), "class", "problem");
    html.close();
    html.close().nl();
  }

  private static String schedules(TestReport r) {
    String text = Format.count(r.schedulesExplored()) + " / " + Format.count(r.schedulesPlanned());
    return r.exhausted() ? text + " (all)" : text;
  }

  static long violations(TestReport r) {
    return r.invariants().stream().mapToLong(InvariantStats::violations).sum();
  }

  private static String findings(List<FindingReport> findings) {
    if (findings.isEmpty()) {
      return Format.NONE;
    }
    Map<String, Long> byKind =
        findings.stream()
            .collect(
                Collectors.groupingBy(
                    f -> Format.lower(f.kind()), TreeMap::new, Collectors.counting()));
    return byKind.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
