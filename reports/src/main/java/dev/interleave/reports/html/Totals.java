package dev.interleave.reports.html;

import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The totals at the top of the index: tests per verdict, schedules and time. */
final class Totals {
  private Totals() {}

  static void render(Html html, List<LoadedReport> rows) {
    Map<Verdict, Integer> perVerdict = new EnumMap<>(Verdict.class);
    long schedules = 0;
    long millis = 0;
    for (LoadedReport row : rows) {
      perVerdict.merge(row.verdict(), 1, Integer::sum);
      if (row.ok()) {
        TestReport r = row.report();
        schedules += r.schedulesExplored();
        millis += r.elapsedMillis();
      }
    }
    html.open("section", "class", "totals").nl();
    card(html, "total", Format.count(rows.size()), rows.size() == 1 ? "test" : "tests");
    for (Verdict verdict : Verdicts.ORDER) {
      int n = perVerdict.getOrDefault(verdict, 0);
      String css = Verdicts.css(verdict) + (n == 0 ? " zero" : "");
      card(html, css, Format.count(n), verdict == Verdict.ERROR ? "errors" : Verdicts.css(verdict));
    }
    card(html, "info", Format.count(schedules), "schedules explored");
    card(html, "info", Format.millis(millis), "test time");
    html.close().nl();
  }

  private static void card(Html html, String css, String value, String caption) {
    html.open("div", "class", "card " + css);
    html.element("span", value, "class", "value");
    html.element("span", caption, "class", "caption");
    html.close().nl();
  }
}
