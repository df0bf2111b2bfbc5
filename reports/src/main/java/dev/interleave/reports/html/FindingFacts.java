package dev.interleave.reports.html;

import dev.interleave.report.DrawnInput;
import dev.interleave.report.FindingReport;
import dev.interleave.report.ScheduleTrace;
import java.util.List;

/** A finding's facts: the invariant, what was observed, where first seen, the drawn inputs. */
final class FindingFacts {
  private FindingFacts() {}

  static void render(Html html, FindingReport f) {
    html.open("dl", "class", "finding-facts").nl();
    if (f.invariant() != null) {
      html.open("div").element("dt", "Invariant").open("dd").element("code", f.invariant());
      html.close().close().nl();
    }
    if (f.observed() != null) {
      html.open("div", "class", "observed").element("dt", "Observed value").open("dd");
      html.element("code", f.observed()).close().close().nl();
    }
    ScheduleTrace shown = f.counterexample();
    if (shown != null && shown.outcome() != null) {
      html.open("div", "class", "observed").element("dt", "Observed outcome").open("dd");
      html.element("code", shown.outcome()).close().close().nl();
    }
    fact(html, "First seen in schedule", Format.count(f.firstAtSchedule()));
    fact(html, "Seed", Long.toString(f.seed()));
    html.close().nl();
    inputs(html, f);
  }

  private static void fact(Html html, String name, String value) {
    html.open("div").element("dt", name).element("dd", value).close().nl();
  }

  /** The drawn inputs, original and shrunk side by side. */
  private static void inputs(Html html, FindingReport f) {
    List<DrawnInput> shrunk = f.counterexample() == null ? List.of() : f.counterexample().inputs();
    List<DrawnInput> original = f.original() == null ? shrunk : f.original().inputs();
    if (shrunk.isEmpty() && original.isEmpty()) {
      return;
    }
    html.open("table", "class", "inputs").nl();
    html.open("thead").open("tr").element("th", "Drawn input").element("th", "Original");
    html.element("th", "Shrunk").close().close().nl();
    html.open("tbody").nl();
    for (int i = 0; i < Math.max(shrunk.size(), original.size()); i++) {
      DrawnInput o = i < original.size() ? original.get(i) : null;
      DrawnInput s = i < shrunk.size() ? shrunk.get(i) : null;
      boolean changed = o == null || s == null || !o.value().equals(s.value());
      html.open("tr", "class", changed ? "changed" : null);
      html.open("td").element("code", (s != null ? s : o).name()).close();
      html.open("td").element("code", o == null ? Format.NONE : o.value()).close();
      html.open("td").element("code", s == null ? Format.NONE : s.value()).close();
      html.close().nl();
    }
    html.close().nl().close().nl();
  }
}
