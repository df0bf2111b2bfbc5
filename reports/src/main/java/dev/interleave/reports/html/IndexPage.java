package dev.interleave.reports.html;

import dev.interleave.report.Expectation;
import dev.interleave.report.FindingReport;
import dev.interleave.report.RunEnvironment;
import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The run's {@code index.html}: totals, where the run happened, then one row per test, failures
 * first, each with the reason for its verdict. The page's script adds a filter and sortable
 * columns; without it the table reads the same, in the failures-first order.
 */
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
    where(html, rows);
    html.close().nl();
    Totals.render(html, rows);
    if (rows.isEmpty()) {
      html.element("p", "No reports in this directory.", "class", "empty").nl();
    } else {
      controls(html);
      table(html, rows);
    }
    return PageShell.end(html);
  }

  /** One line saying where and when the run happened, from the latest report that says. */
  private static void where(Html html, List<LoadedReport> rows) {
    RunEnvironment e = rows.stream().filter(LoadedReport::ok).map(r -> r.report().environment())
        .filter(Objects::nonNull).max(Comparator.comparing(RunEnvironment::startedAt,
            Comparator.nullsFirst(Comparator.naturalOrder()))).orElse(null);
    if (e == null) {
      return;
    }
    String text = "Run " + Format.orNone(e.startedAt()) + " \u00b7 Java " + e.java() + " \u00b7 "
        + e.os() + " \u00b7 " + Format.plural(e.cores(), "core") + " \u00b7 Interleave "
        + Format.orNone(e.interleaveVersion())
        + (e.commit() == null ? "" : " \u00b7 commit " + Format.clip(e.commit(), 13));
    html.element("p", text, "class", "run-where").nl();
  }

  private static void controls(Html html) {
    html.open("div", "class", "controls", "hidden", "hidden").nl();
    html.open("label").text("Filter ");
    html.empty("input", "type", "search", "id", "filter", "placeholder", "test, scenario, reason");
    html.close().nl();
    html.open("label").text("Verdict ");
    html.open("select", "id", "verdict-filter");
    html.element("option", "all", "value", "");
    for (Verdict v : Verdicts.ORDER) {
      html.element("option", Verdicts.css(v), "value", Verdicts.css(v));
    }
    html.close().close().nl();
    html.element("span", "", "id", "shown", "class", "sub").nl();
    html.close().nl();
  }

  private static void table(Html html, List<LoadedReport> rows) {
    html.open("table", "class", "index", "id", "tests").nl();
    html.open("thead").open("tr");
    header(html, "Verdict", "verdict", "col-verdict");
    header(html, "Test", "name", "col-test");
    header(html, "Why", "reason", "col-reason");
    header(html, "Findings", "findings", "col-findings");
    header(html, "Schedules", "schedules", "col-schedules num");
    header(html, "Time", "time", "col-time num");
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

  private static void header(Html html, String title, String key, String css) {
    html.open("th", "class", css, "data-sort", key, "scope", "col").text(title).close();
  }

  private static void reportRow(Html html, LoadedReport row) {
    TestReport r = row.report();
    html.open("tr", "class", "row " + Verdicts.css(r.verdict()),
        "data-verdict", Integer.toString(Verdicts.rank(r.verdict())),
        "data-name", row.title(), "data-schedules", Long.toString(r.schedulesExplored()),
        "data-time", Long.toString(r.elapsedMillis()));
    html.open("td", "class", "col-verdict");
    Verdicts.badge(html, r.verdict());
    html.close();
    html.open("td", "class", "col-test");
    html.element("a", row.title(), "href", row.pageName(), "title", r.testId());
    if (r.scenarioId() != null) {
      html.element("span", r.scenarioId(), "class", "tag scenario-id");
    }
    if (r.expected() == Expectation.VIOLATION) {
      html.element("span", "expects violation", "class", "tag");
    }
    html.element("span", RunFacts.strategy(r), "class", "sub");
    html.close();
    html.element("td", Format.orNone(r.reason()), "class", "col-reason");
    html.element("td", findings(r.findings()), "class", "col-findings");
    html.element("td", schedules(r), "class", "col-schedules num");
    html.element("td", Format.millis(r.elapsedMillis()), "class", "col-time num");
    html.close().nl();
  }

  private static void errorRow(Html html, LoadedReport row) {
    html.open("tr", "class", "row error unreadable", "data-verdict",
        Integer.toString(Verdicts.rank(Verdict.ERROR)), "data-name", row.fileName(),
        "data-schedules", "0", "data-time", "0");
    html.open("td", "class", "col-verdict");
    Verdicts.badge(html, Verdict.ERROR);
    html.close();
    html.open("td", "class", "col-test").element("span", row.fileName(), "class", "file").close();
    html.element("td", row.problem(), "class", "col-reason problem", "colspan", "4");
    html.close().nl();
  }

  private static String schedules(TestReport r) {
    String text = Format.count(r.schedulesExplored()) + " / " + Format.count(r.schedulesPlanned());
    return r.exhausted() ? text + " (all)" : text;
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
