package dev.interleave.reports.html;

import dev.interleave.report.Grade;
import dev.interleave.report.TestReport;

/** One test's page: verdict and reason, the run's header block, invariants, outcomes, findings. */
final class TestPage {
  private TestPage() {}

  static String render(LoadedReport loaded, String jsonHref) {
    TestReport r = loaded.report();
    Html html = new Html();
    PageShell.begin(html, loaded.title() + " \u2014 Interleave report");
    header(html, loaded);
    RunFacts.render(html, loaded, jsonHref);
    FindingSection.renderAll(html, r.findings());
    OutcomeSection.render(html, r.outcomes());
    CrossCheckSection.render(html, r.crossCheck());
    InvariantSection.render(html, r.invariants());
    return PageShell.end(html);
  }

  private static void header(Html html, LoadedReport loaded) {
    TestReport r = loaded.report();
    html.open("header", "class", "page-head").nl();
    html.open("nav", "class", "crumbs").element("a", "All tests", "href", IndexPage.FILE_NAME);
    html.text(" / ").text(Format.orNone(r.className())).close().nl();
    html.open("h1");
    Verdicts.badge(html, r.verdict());
    html.text(" ").text(loaded.title());
    if (r.scenarioId() != null) {
      html.element("span", r.scenarioId(), "class", "tag scenario-id");
    }
    html.close().nl();
    html.element("p", r.testId(), "class", "test-id").nl();
    html.close().nl();
    html.element("p", Format.orNone(r.reason()), "class", "reason " + Verdicts.css(r.verdict()));
    html.nl();
    banner(html, r, Grade.FORBIDDEN, "Forbidden outcomes observed: ");
    banner(html, r, Grade.INTERESTING, "Interesting outcomes observed: ");
  }

  private static void banner(Html html, TestReport r, Grade grade, String lead) {
    String seen = OutcomeSection.observed(r.outcomes(), grade);
    if (!seen.isEmpty()) {
      html.open("p", "class", "banner grade-" + Format.lower(grade)).text(lead);
      html.element("strong", seen).close().nl();
    }
  }
}
