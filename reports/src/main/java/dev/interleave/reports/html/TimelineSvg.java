package dev.interleave.reports.html;

import dev.interleave.report.TraceStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A stretch of a schedule as a timeline: one vertical lane per process that ran, time running
 * down, one mark per step with its operation. Switches between processes are connectors:
 * preemptions solid, forced switches (after a block, a sleep, an exit, a kill) dashed, each
 * tagged with its cause. Blocked operations are hollow marks; steps in {@code marked} (by
 * position in the schedule) are flagged as differing.
 */
final class TimelineSvg {
  private static final int ROW_H = 26;
  private static final int HEAD_H = 34;
  private static final int PAD = 10;
  private static final int R = 6;

  private TimelineSvg() {}

  /**
   * One stretch.
   *
   * @param steps the steps drawn, consecutive in the schedule
   * @param before the step before the first one drawn, or null
   * @param head whether to name the lanes above the first row
   */
  record Stretch(List<TraceStep> steps, TraceStep before, boolean head) {}

  static String render(Stretch s, Lanes lanes, Set<Integer> marked, double width, String label) {
    List<TraceStep> steps = s.steps();
    double top = s.head() ? HEAD_H : PAD / 2.0;
    double height = top + steps.size() * ROW_H + PAD / 2.0;
    Html svg = Svg.open("timeline", width, height, label);
    for (int i = 0; i < steps.size(); i++) {
      band(svg, steps.get(i), top + i * ROW_H, marked.contains(steps.get(i).index()), width);
    }
    for (String name : lanes.names()) {
      double x = lanes.x(name);
      if (s.head()) {
        Svg.text(svg, x, HEAD_H - 14, "lane-name", "middle", Lanes.clipName(name));
      }
      Svg.line(svg, x, s.head() ? HEAD_H - 6 : 0, x, height, "lane");
    }
    TraceStep prev = s.before();
    for (int i = 0; i < steps.size(); i++) {
      if (prev != null) {
        connector(svg, prev, steps.get(i), top + i * ROW_H, i == 0 ? 0 : y(top, i - 1), lanes);
      }
      prev = steps.get(i);
    }
    for (int i = 0; i < steps.size(); i++) {
      TraceStep step = steps.get(i);
      step(svg, step, y(top, i), marked.contains(step.index()), lanes);
    }
    return svg.close().toString();
  }

  private static double y(double top, int row) {
    return top + row * ROW_H + ROW_H / 2.0;
  }

  private static void band(Html svg, TraceStep step, double y, boolean differs, double width) {
    String css =
        step.violation()
            ? "band violation"
            : StepText.preempted(step)
                ? "band preemption"
                : differs ? "band differs" : step.index() % 2 == 1 ? "band alt" : null;
    if (css != null) {
      Svg.rect(svg, 0, y, width, ROW_H, css);
    }
  }

  private static void connector(
      Html svg, TraceStep prev, TraceStep next, double rowTop, double fromY, Lanes lanes) {
    if (prev.process().equals(next.process())) {
      return;
    }
    String css = "switch" + (next.switchCause() == null ? ""
        : " " + StepText.css(StepText.cause(next.switchCause())));
    double middle = rowTop;
    String d =
        "M" + Format.coord(lanes.x(prev.process())) + "," + Format.coord(fromY)
            + " V" + Format.coord(middle)
            + " H" + Format.coord(lanes.x(next.process()))
            + " V" + Format.coord(rowTop + ROW_H / 2.0);
    svg.empty("path", "d", d, "class", css);
  }

  private static void step(Html svg, TraceStep step, double y, boolean differs, Lanes lanes) {
    double x = lanes.x(step.process());
    svg.open("g", "class", "step lane-" + lanes.index(step.process()) % 6);
    svg.element("title", tooltip(step));
    Svg.text(svg, Lanes.GUTTER - 10, y + 4, "step-no", "end", Integer.toString(step.index()));
    String mark = "mark " + StepText.css(Format.lower(step.kind()))
        + (step.violation() ? " violation" : "") + (differs ? " differs" : "");
    svg.empty("circle", "cx", Format.coord(x), "cy", Format.coord(y), "r", Integer.toString(R),
        "class", mark);
    svg.open("text", "x", Format.coord(x + R + 6), "y", Format.coord(y + 4), "class", "step-label");
    svg.text(StepText.action(step));
    for (String tag : tags(step, differs)) {
      svg.element("tspan", "  " + tag, "class", "tag " + StepText.css(tag));
    }
    svg.close().close();
  }

  private static List<String> tags(TraceStep step, boolean differs) {
    List<String> tags = new ArrayList<>(StepText.tags(step));
    if (differs) {
      tags.add("differs");
    }
    return tags;
  }

  private static String tooltip(TraceStep step) {
    StringBuilder sb = new StringBuilder("#").append(step.index()).append(' ');
    sb.append(step.process()).append(": ").append(StepText.action(step));
    if (step.site() != null) {
      sb.append(" at ").append(step.site());
    }
    for (String tag : StepText.tags(step)) {
      sb.append(" [").append(tag).append(']');
    }
    return sb.toString();
  }

  /** The width that fits every step's label and tags. */
  static double width(Lanes lanes, List<TraceStep> steps, Set<Integer> marked) {
    double width = lanes.right();
    for (TraceStep step : steps) {
      int tagChars = tags(step, marked.contains(step.index())).stream()
          .mapToInt(t -> t.length() + 2).sum();
      double end = lanes.x(step.process()) + R + 6 + Format.textWidth(StepText.action(step))
          + tagChars * 6.0;
      width = Math.max(width, end);
    }
    return width + PAD;
  }
}
