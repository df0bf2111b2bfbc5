package dev.interleave.reports.html;

import dev.interleave.report.Expectation;
import dev.interleave.report.TestReport;

/** One test's page: verdict and reason, run facts, invariants, outcomes and findings. */
final class TestPage {
  private TestPage() {}

  static String render(LoadedReport loaded) {
    TestReport r = loaded.report();
    Html html = new Html();
    PageShell.begin(html, loaded.title() + " \u2014 Interleave report");
    header(html, loaded);
    facts(html, loaded);
    InvariantSection.render(html, r.invariants());
    OutcomeSection.render(html, r.outcomes());
    FindingSection.renderAll(html, r.findings());
    return PageShell.end(html);
  }

  private static void header(Html html, LoadedReport loaded) {
    TestReport r = loaded.report();
    html.open("header", "class", "page-head").nl();
    html.open("nav", "class", "crumbs").element("a", "All tests", "href", IndexPage.FILE_NAME);
    html.text(" / ").text(Format.orNone(r.className())).close().nl();
    html.open("h1");
    Verdicts.badge(html, r.verdict());
    html.text(" ").text(loaded.title()).close().nl();
    html.element("p", r.testId(), "class", "test-id").nl();
    html.close().nl();
    html.element("p", Format.orNone(r.reason()), "class", "reason " + Verdicts.css(r.verdict()));
    html.nl();
  }

  private static void facts(Html html, LoadedReport loaded) {
    TestReport r = loaded.report();
    html.open("section", "class", "facts").nl();
    html.open("dl").nl();
    fact(html, "Scenario", Format.orNone(r.scenario()));
    fact(html, "Method", Format.orNone(r.methodName()));
    fact(html, "Mode", Format.lower(r.mode()));
    fact(html, "Strategy", Format.strategy(r.strategy(), r.strategyParams()));
    fact(html, "Seed", Long.toString(r.seed()));
    fact(html, "Expected", expected(r.expected()));
    fact(html, "Schedules", schedules(r));
    fact(html, "Time", Format.millis(r.elapsedMillis()));
    fact(html, "Report file", loaded.fileName());
    html.close().nl();
    html.close().nl();
  }

  private static String expected(Expectation expected) {
    if (expected == null) {
      return Format.NONE;
    }
    return expected == Expectation.VIOLATION ? "a violation" : "no violation";
  }

  private static String schedules(TestReport r) {
    String text =
        Format.count(r.schedulesExplored()) + " explored of " + Format.count(r.schedulesPlanned());
    return r.exhausted() ? text + ", search space exhausted" : text;
  }

  private static void fact(Html html, String name, String value) {
    html.open("div").element("dt", name).element("dd", value).close().nl();
  }
}
