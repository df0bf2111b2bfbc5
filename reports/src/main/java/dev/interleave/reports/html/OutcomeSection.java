package dev.interleave.reports.html;

import dev.interleave.report.Grade;
import dev.interleave.report.OutcomeCount;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome histogram, as a table (outcome, count, frequency, grade) and as a bar chart, one
 * row per declared outcome (never observed ones with count 0, as jcstress lists them) and per
 * undeclared outcome observed, sorted by outcome (numbers by value).
 */
final class OutcomeSection {
  static final Comparator<OutcomeCount> ORDER =
      Comparator.comparing(OutcomeCount::outcome, OutcomeSection::compareOutcomes);

  private OutcomeSection() {}

  static void render(Html html, List<OutcomeCount> unsorted) {
    if (unsorted.isEmpty()) {
      return;
    }
    List<OutcomeCount> outcomes = unsorted.stream().sorted(ORDER).toList();
    html.open("section", "id", "outcomes").nl();
    html.element("h2", "Outcomes").nl();
    long total = outcomes.stream().mapToLong(OutcomeCount::count).sum();
    html.open("div", "class", "outcome-view").nl();
    table(html, outcomes, total);
    html.open("figure", "class", "histogram").nl();
    html.open("div", "class", "scroll").raw(HistogramSvg.render(outcomes, total)).close().nl();
    html.close().nl();
    html.close().nl();
    html.close().nl();
  }

  /** The observed outcomes of {@code grade}, sorted, as "1 (2×), 5 (1×)"; empty if none. */
  static String observed(List<OutcomeCount> outcomes, Grade grade) {
    return outcomes.stream().filter(o -> o.grade() == grade && o.count() > 0).sorted(ORDER)
        .map(o -> o.outcome() + " (" + Format.count(o.count()) + "\u00d7)")
        .collect(Collectors.joining(", "));
  }

  static int compareOutcomes(String a, String b) {
    Long x = number(a);
    Long y = number(b);
    if (x != null && y != null) {
      return x.compareTo(y);
    }
    if (x != null || y != null) {
      return x != null ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static Long number(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void table(Html html, List<OutcomeCount> outcomes, long total) {
    html.open("div", "class", "scroll").nl();
    html.open("table", "class", "outcomes").nl();
    html.open("thead").open("tr").element("th", "Outcome").element("th", "Count", "class", "num");
    html.element("th", "Frequency", "class", "num").element("th", "Grade");
    html.element("th", "Description").close().close().nl();
    html.open("tbody").nl();
    for (OutcomeCount o : outcomes) {
      String seen = o.count() > 0 ? " observed" : " unseen";
      html.open("tr", "class", "grade-" + Format.lower(o.grade()) + seen);
      html.open("td").element("code", o.outcome()).close();
      html.element("td", Format.count(o.count()), "class", "num");
      html.element("td", Format.percent(o.count(), total), "class", "num");
      html.open("td").element("span", o.grade().name(), "class", "grade").close();
      html.element("td", Format.orNone(o.description()));
      html.close().nl();
    }
    html.close().nl().close().nl().close().nl();
  }
}
