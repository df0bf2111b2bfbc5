package dev.interleave.reports.html;

import dev.interleave.report.OutcomeCount;
import java.util.List;

/** The outcome histogram, as a table (outcome, count, frequency, grade) and as a bar chart. */
final class OutcomeSection {
  private OutcomeSection() {}

  static void render(Html html, List<OutcomeCount> outcomes) {
    html.open("section", "id", "outcomes").nl();
    html.element("h2", "Outcomes").nl();
    if (outcomes.isEmpty()) {
      html.element("p", "No outcomes recorded.", "class", "empty").nl();
      html.close().nl();
      return;
    }
    long total = outcomes.stream().mapToLong(OutcomeCount::count).sum();
    html.open("div", "class", "outcome-view").nl();
    table(html, outcomes, total);
    html.open("figure", "class", "histogram").nl();
    html.raw(HistogramSvg.render(outcomes, total)).nl();
    html.close().nl();
    html.close().nl();
    html.close().nl();
  }

  private static void table(Html html, List<OutcomeCount> outcomes, long total) {
    html.open("table", "class", "outcomes").nl();
    html.open("thead").open("tr").element("th", "Outcome").element("th", "Count", "class", "num");
    html.element("th", "Frequency", "class", "num").element("th", "Grade");
    html.element("th", "Description").close().close().nl();
    html.open("tbody").nl();
    for (OutcomeCount o : outcomes) {
      String seen = o.count() > 0 ? " observed" : "";
      html.open("tr", "class", "grade-" + Format.lower(o.grade()) + seen);
      html.open("td").element("code", o.outcome()).close();
      html.element("td", Format.count(o.count()), "class", "num");
      html.element("td", Format.percent(o.count(), total), "class", "num");
      html.open("td").element("span", o.grade().name(), "class", "grade").close();
      html.element("td", Format.orNone(o.description()));
      html.close().nl();
    }
    html.close().nl().close().nl();
  }
}
