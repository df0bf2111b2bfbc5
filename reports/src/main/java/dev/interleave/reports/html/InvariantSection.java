package dev.interleave.reports.html;

import dev.interleave.report.InvariantStats;
import java.util.List;

/** The invariants table: how often each was checked and violated. */
final class InvariantSection {
  private InvariantSection() {}

  static void render(Html html, List<InvariantStats> invariants) {
    if (invariants.isEmpty()) {
      return;
    }
    html.open("section", "id", "invariants").nl();
    html.element("h2", "Invariants").nl();
    html.open("table", "class", "invariants").nl();
    html.open("thead").open("tr").element("th", "Invariant").element("th", "Kind");
    html.element("th", "Checked", "class", "num").element("th", "Violated", "class", "num");
    html.close().close().nl();
    html.open("tbody").nl();
    for (InvariantStats inv : invariants) {
      html.open("tr", "class", inv.violations() > 0 ? "violated" : null);
      html.open("td").element("code", inv.name()).close();
      html.element("td", Format.lower(inv.kind()));
      html.element("td", Format.count(inv.checks()), "class", "num");
      html.element("td", Format.count(inv.violations()), "class", "num");
      html.close().nl();
    }
    html.close().nl().close().nl();
    html.close().nl();
  }
}
