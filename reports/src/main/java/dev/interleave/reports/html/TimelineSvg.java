package dev.interleave.reports.html;

import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TraceStep;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A schedule as a timeline: one vertical lane per process, time running down, one mark per step
 * with its label. Context switches are drawn as connectors (preemptive ones emphasised), preemption
 * and violation rows are banded, and steps in {@code marked} are flagged as differing.
 */
final class TimelineSvg {
  static final int MAX_STEPS = 400;
  private static final int ROW_H = 26;
  private static final int HEAD_H = 34;
  private static final int PAD = 10;
  private static final int R = 6;

  private TimelineSvg() {}

  static String render(ScheduleTrace trace, Set<Integer> marked, String label) {
    Lanes lanes = Lanes.of(trace);
    List<TraceStep> steps = shown(trace);
    double width = width(lanes, steps, marked);
    double height = HEAD_H + steps.size() * ROW_H + PAD;
    Html svg = Svg.open("timeline", width, height, label);
    for (int i = 0; i < steps.size(); i++) {
      band(svg, steps.get(i), i, marked.contains(i), width);
    }
    for (String name : lanes.names()) {
      double x = lanes.x(name);
      Svg.text(svg, x, HEAD_H - 14, "lane-name", "middle", Lanes.clipName(name));
      Svg.line(svg, x, HEAD_H - 6, x, height - PAD / 2.0, "lane");
    }
    for (int i = 1; i < steps.size(); i++) {
      connector(svg, steps.get(i - 1), steps.get(i), i, lanes);
    }
    for (int i = 0; i < steps.size(); i++) {
      step(svg, steps.get(i), i, marked.contains(i), lanes);
    }
    return svg.close().toString();
  }

  static List<TraceStep> shown(ScheduleTrace trace) {
    List<TraceStep> steps = trace.steps();
    return steps.size() > MAX_STEPS ? steps.subList(0, MAX_STEPS) : steps;
  }

  private static double y(int row) {
    return HEAD_H + row * ROW_H + ROW_H / 2.0;
  }

  private static void band(Html svg, TraceStep step, int row, boolean differs, double width) {
    String css =
        step.violation()
            ? "band violation"
            : step.preemption()
                ? "band preemption"
                : differs ? "band differs" : row % 2 == 1 ? "band alt" : null;
    if (css != null) {
      Svg.rect(svg, 0, HEAD_H + row * ROW_H, width, ROW_H, css);
    }
  }

  private static void connector(Html svg, TraceStep prev, TraceStep next, int row, Lanes lanes) {
    if (prev.process().equals(next.process())) {
      return;
    }
    String css = next.preemption() ? "switch preemption" : "switch";
    double middle = y(row) - ROW_H / 2.0;
    String d =
        "M"
            + Format.coord(lanes.x(prev.process()))
            + ","
            + Format.coord(y(row - 1))
            + " V"
            + Format.coord(middle)
            + " H"
            + Format.coord(lanes.x(next.process()))
            + " V"
            + Format.coord(y(row));
    svg.empty("path", "d", d, "class", css);
  }

  private static void step(Html svg, TraceStep step, int row, boolean differs, Lanes lanes) {
    double x = lanes.x(step.process());
    double y = y(row);
    svg.open("g", "class", "step lane-" + lanes.index(step.process()) % 6);
    svg.element("title", tooltip(step));
    Svg.text(svg, Lanes.GUTTER - 10, y + 4, "step-no", "end", Integer.toString(step.index()));
    String mark = "mark" + (step.violation() ? " violation" : "") + (differs ? " differs" : "");
    svg.empty(
        "circle",
        "cx",
        Format.coord(x),
        "cy",
        Format.coord(y),
        "r",
        Integer.toString(R),
        "class",
        mark);
    svg.open("text", "x", Format.coord(x + R + 6), "y", Format.coord(y + 4), "class", "step-label");
    svg.text(label(step));
    for (String tag : tags(step, differs)) {
      svg.element("tspan", "  " + tag, "class", "tag " + tag);
    }
    svg.close().close();
  }

  static String label(TraceStep step) {
    if (step.label() != null && !step.label().isBlank()) {
      return step.label();
    }
    return step.object() == null ? step.op() : step.op() + " " + step.object();
  }

  private static List<String> tags(TraceStep step, boolean differs) {
    return Stream.of(
            step.preemption() ? "preemption" : null,
            step.violation() ? "violation" : null,
            differs ? "differs" : null)
        .filter(Objects::nonNull)
        .toList();
  }

  private static String tooltip(TraceStep step) {
    StringBuilder sb = new StringBuilder("#").append(step.index()).append(' ');
    sb.append(step.process()).append(": ").append(step.op());
    if (step.object() != null) {
      sb.append(' ').append(step.object());
    }
    if (step.site() != null) {
      sb.append(" at ").append(step.site());
    }
    return sb.toString();
  }

  private static double width(Lanes lanes, List<TraceStep> steps, Set<Integer> marked) {
    double width = lanes.right();
    for (int i = 0; i < steps.size(); i++) {
      TraceStep step = steps.get(i);
      int tagChars = tags(step, marked.contains(i)).stream().mapToInt(t -> t.length() + 2).sum();
      double end = lanes.x(step.process()) + R + 6 + Format.textWidth(label(step)) + tagChars * 6.0;
      width = Math.max(width, end);
    }
    return width + PAD;
  }
}
