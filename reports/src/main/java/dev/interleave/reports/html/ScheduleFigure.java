package dev.interleave.reports.html;

import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TraceStep;
import java.util.List;
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
    Lanes lanes = Lanes.of(trace);
    double width = TimelineSvg.width(lanes, trace.steps(), marked);
    html.open("div", "class", "scroll timeline-view", "data-lanes", String.join(",", lanes.names()));
    html.nl();
    TraceStep before = null;
    boolean head = true;
    for (TimelineParts part : TimelineParts.of(trace.steps())) {
      TimelineSvg.Stretch s = new TimelineSvg.Stretch(part.steps(), before, head);
      String svg = TimelineSvg.render(s, lanes, marked, width, title);
      if (part.folded()) {
        long differing = part.steps().stream().filter(t -> marked.contains(t.index())).count();
        html.open("details", "class", "fold").element("summary", part.summary((int) differing));
        html.raw(svg).close().nl();
      } else {
        html.raw(svg).nl();
      }
      before = part.steps().get(part.steps().size() - 1);
      head = false;
    }
    html.close().nl();
    html.close().nl();
  }

  private static String summary(ScheduleTrace trace, int marked) {
    long forced = trace.steps().stream().filter(StepText::forced).count();
    String text = Format.plural(trace.steps().size(), "step")
        + ", " + Format.plural(trace.preemptions(), "preemption")
        + ", " + Format.plural(forced, "forced switch", "forced switches");
    return marked == 0 ? text : text + ", " + Format.plural(marked, "step") + " differ";
  }

  static void stepsTable(Html html, String title, ScheduleTrace trace) {
    html.open("details", "class", "steps").nl();
    html.element("summary", title).nl();
    html.open("div", "class", "scroll").nl();
    html.open("table", "class", "steps").nl();
    html.open("thead").open("tr").element("th", "#", "class", "num").element("th", "Process");
    html.element("th", "Operation").element("th", "Site").element("th", "").close().close().nl();
    html.open("tbody").nl();
    for (TraceStep step : trace.steps()) {
      List<String> tags = StepText.tags(step);
      html.open("tr", "class", step.violation() ? "violation"
          : StepText.preempted(step) ? "preemption" : null);
      html.element("td", Integer.toString(step.index()), "class", "num");
      html.element("td", step.process()).element("td", StepText.action(step));
      html.open("td").element("code", Format.orNone(step.site())).close();
      html.element("td", String.join(", ", tags));
      html.close().nl();
    }
    html.close().nl().close().nl().close().nl().close().nl();
  }
}
