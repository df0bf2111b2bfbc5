package dev.interleave.reports.html;

import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TraceStep;
import java.util.List;
import java.util.Set;

/** The key to the timeline colours, for the marks that appear. */
final class Legend {
  private Legend() {}

  static void render(Html html, List<ScheduleTrace> drawn, Set<Integer> differing) {
    boolean preemption =
        drawn.stream().flatMap(t -> t.steps().stream()).anyMatch(TraceStep::preemption);
    boolean violation =
        drawn.stream().flatMap(t -> t.steps().stream()).anyMatch(TraceStep::violation);
    boolean differs = !differing.isEmpty();
    if (!preemption && !violation && !differs) {
      return;
    }
    html.open("ul", "class", "legend").nl();
    if (preemption) {
      item(html, "preemption", "preemption: the scheduler switched away from a runnable process");
    }
    if (violation) {
      item(html, "violation", "violation: the step after which the finding showed");
    }
    if (differs) {
      item(html, "differs", "differs: not the step the counterexample took here");
    }
    html.close().nl();
  }

  private static void item(Html html, String css, String text) {
    html.open("li").element("span", "", "class", "swatch " + css).text(text).close().nl();
  }
}
