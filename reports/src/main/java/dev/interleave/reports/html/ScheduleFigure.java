package dev.interleave.reports.html;

import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TraceStep;
import java.util.Set;

/** A schedule's timeline in a captioned figure, and its steps as a table. */
final class ScheduleFigure {
  private ScheduleFigure() {}

  static void render(
      Html html, String title, ScheduleTrace trace, Set<Integer> marked, String note) {
    html.open("figure", "class", "schedule").nl();
    html.open("figcaption");
    html.element("strong", title);
    html.element("span", summary(trace, marked.size()) + note, "class", "sub");
    html.open("span", "class", "sub").text("decisions ").element("code", trace.decisions());
    html.close().close().nl();
    html.open("div", "class", "scroll").nl();
    html.raw(TimelineSvg.render(trace, marked, title)).nl();
    html.close().nl();
    if (trace.steps().size() > TimelineSvg.MAX_STEPS) {
      html.element("p", "Showing the first " + TimelineSvg.MAX_STEPS + " steps.", "class", "sub");
    }
    html.close().nl();
  }

  private static String summary(ScheduleTrace trace, int marked) {
    String text =
        Format.plural(trace.steps().size(), "step")
            + ", "
            + Format.plural(trace.preemptions(), "preemption");
    return marked == 0 ? text : text + ", " + Format.plural(marked, "step") + " differ";
  }

  static void stepsTable(Html html, String title, ScheduleTrace trace) {
    html.open("details", "class", "steps").nl();
    html.element("summary", title).nl();
    html.open("table", "class", "steps").nl();
    html.open("thead").open("tr").element("th", "#", "class", "num").element("th", "Process");
    html.element("th", "Operation").element("th", "Object").element("th", "Step");
    html.element("th", "Site").element("th", "").close().close().nl();
    html.open("tbody").nl();
    for (TraceStep step : trace.steps()) {
      html.open(
          "tr", "class", step.violation() ? "violation" : step.preemption() ? "preemption" : null);
      html.element("td", Integer.toString(step.index()), "class", "num");
      html.element("td", step.process()).element("td", step.op());
      html.element("td", Format.orNone(step.object())).element("td", TimelineSvg.label(step));
      html.open("td").element("code", Format.orNone(step.site())).close();
      html.element("td", step.violation() ? "violation" : step.preemption() ? "preemption" : "");
      html.close().nl();
    }
    html.close().nl().close().nl().close().nl();
  }
}
