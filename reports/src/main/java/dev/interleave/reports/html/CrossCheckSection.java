package dev.interleave.reports.html;

import dev.interleave.report.CrossCheckReport;
import dev.interleave.report.CrossCheckRow;
import java.util.List;

/**
 * Stress against control, as jcstress shows two runs: one row per outcome either side saw, its
 * grade, the controlled and the stress counts, and what the pair means (seen both ways, reached
 * only under control, or missed by control), outcomes missed by control first.
 */
final class CrossCheckSection {
  private CrossCheckSection() {}

  static void render(Html html, CrossCheckReport c) {
    if (c == null) {
      return;
    }
    List<CrossCheckRow> rows = c.rows().stream()
        .sorted(java.util.Comparator.comparing((CrossCheckRow r) -> !r.missedByControl())
            .thenComparing(CrossCheckRow::outcome, OutcomeSection::compareOutcomes))
        .toList();
    html.open("section", "id", "cross-check").nl();
    html.element("h2", "Stress against control").nl();
    html.element("p", summary(c), "class", c.missedByControl().isEmpty() ? "cross-summary"
        : "cross-summary banner grade-forbidden").nl();
    html.open("div", "class", "scroll").nl();
    html.open("table", "class", "outcomes cross-check").nl();
    html.open("thead").open("tr").element("th", "Outcome").element("th", "Grade");
    html.element("th", "Control", "class", "num").element("th", "Stress", "class", "num");
    html.element("th", "Seen").close().close().nl();
    html.open("tbody").nl();
    for (CrossCheckRow r : rows) {
      html.open("tr", "class", "grade-" + Format.lower(r.grade()) + " " + css(r));
      html.open("td").element("code", r.outcome()).close();
      html.open("td").element("span", r.grade().name(), "class", "grade").close();
      html.element("td", Format.count(r.control()), "class", "num");
      html.element("td", Format.count(r.stress()), "class", "num");
      html.element("td", seen(r));
      html.close().nl();
    }
    html.close().nl().close().nl().close().nl();
    html.close().nl();
  }

  private static String summary(CrossCheckReport c) {
    String control = Format.plural(c.controlSchedules(), "controlled " + c.controlStrategy()
        + " schedule") + (c.controlExhausted() ? " (the space exhausted)" : "")
        + (c.searchedSchedules() > 0 ? " and " + Format.count(c.searchedSchedules())
            + " more searching for outcomes seen only under stress" : "");
    String stress = Format.plural(c.stressRuns(), "stress run");
    int missed = c.missedByControl().size();
    if (missed > 0) {
      return Format.plural(missed, "outcome") + " seen under stress never reached under control"
          + " (" + control + ", against " + stress + "): the controlled model misses behaviour.";
    }
    int rare = c.rareUnderStress().size();
    return "Every outcome of " + stress + " was reached under control (" + control + ")"
        + (rare == 0 ? "." : "; " + Format.plural(rare, "outcome")
            + " reached only under control: rare interleavings stress did not hit.");
  }

  private static String seen(CrossCheckRow r) {
    if (r.missedByControl()) {
      return "under stress only: missed by control";
    }
    return r.rareUnderStress() ? "under control only: a rare interleaving" : "both ways";
  }

  private static String css(CrossCheckRow r) {
    return r.missedByControl() ? "missed" : r.rareUnderStress() ? "rare" : "both";
  }
}
