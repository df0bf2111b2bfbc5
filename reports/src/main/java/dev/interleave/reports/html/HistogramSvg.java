package dev.interleave.reports.html;

import dev.interleave.report.Grade;
import dev.interleave.report.OutcomeCount;
import java.util.List;

/**
 * The outcome histogram as horizontal bars, one per outcome, coloured by grade, under a title,
 * with a count axis and a legend of the grades.
 */
final class HistogramSvg {
  private static final int LABEL_W = 150;
  private static final int BAR_W = 240;
  private static final int COUNT_W = 110;
  private static final int TITLE_H = 26;
  private static final int AXIS_H = 34;
  private static final int LEGEND_H = 24;
  private static final int ROW_H = 24;
  private static final int BAR_H = 16;
  private static final int PAD = 8;

  private HistogramSvg() {}

  static String render(List<OutcomeCount> outcomes, long total) {
    long max = Math.max(1, outcomes.stream().mapToLong(OutcomeCount::count).max().orElse(1));
    int bars = outcomes.size() * ROW_H;
    int height = TITLE_H + bars + AXIS_H + LEGEND_H + PAD;
    String title = "Outcomes of " + Format.plural(total, "schedule");
    Html svg = Svg.open("histogram", LABEL_W + BAR_W + COUNT_W, height, title);
    Svg.text(svg, PAD, 17, "chart-title", "start", title);
    for (int i = 0; i < outcomes.size(); i++) {
      bar(svg, outcomes.get(i), TITLE_H + i * ROW_H, max, total);
    }
    axis(svg, TITLE_H + bars, max);
    legend(svg, TITLE_H + bars + AXIS_H);
    return svg.close().toString();
  }

  private static void axis(Html svg, int y, long max) {
    Svg.line(svg, LABEL_W, TITLE_H - 2, LABEL_W, y + 2, "axis");
    Svg.line(svg, LABEL_W, y + 2, LABEL_W + BAR_W, y + 2, "axis");
    for (long tick : new long[] {0, max / 2, max}) {
      double x = LABEL_W + (double) BAR_W * tick / max;
      Svg.line(svg, x, y + 2, x, y + 6, "axis");
      Svg.text(svg, x, y + 17, "tick", "middle", Format.count(tick));
    }
    Svg.text(svg, LABEL_W + BAR_W / 2.0, y + 30, "axis-title", "middle", "schedules");
  }

  private static void legend(Html svg, int y) {
    double x = PAD;
    for (Grade grade : Grade.values()) {
      svg.open("g", "class", "legend-item grade-" + Format.lower(grade));
      Svg.rect(svg, x, y + 6, 12, 12, "bar");
      String name = Format.lower(grade);
      Svg.text(svg, x + 16, y + 16, "legend-text", "start", name);
      svg.close();
      x += 28 + Format.textWidth(name);
    }
  }

  private static void bar(Html svg, OutcomeCount o, int top, long max, long total) {
    String share = Format.percent(o.count(), total);
    svg.open("g", "class", "grade-" + Format.lower(o.grade()));
    svg.element(
        "title",
        o.outcome() + ": " + Format.count(o.count()) + " (" + share + "), " + o.grade().name());
    double baseline = top + ROW_H / 2.0 + 4;
    Svg.text(svg, LABEL_W - 8, baseline, "outcome", "end", Format.clip(o.outcome(), 20));
    double width = o.count() == 0 ? 0 : Math.max(2, (double) BAR_W * o.count() / max);
    Svg.rect(svg, LABEL_W, top + (ROW_H - BAR_H) / 2.0, width, BAR_H, "bar");
    String label = Format.count(o.count()) + " (" + share + ")";
    Svg.text(svg, LABEL_W + width + 6, baseline, "count", "start", label);
    svg.close();
  }
}
