package dev.interleave.reports.html;

import dev.interleave.report.OutcomeCount;
import java.util.List;

/** The outcome histogram as horizontal bars, one per outcome, coloured by grade. */
final class HistogramSvg {
  private static final int LABEL_W = 150;
  private static final int BAR_W = 240;
  private static final int COUNT_W = 130;
  private static final int ROW_H = 26;
  private static final int BAR_H = 16;
  private static final int PAD = 8;

  private HistogramSvg() {}

  static String render(List<OutcomeCount> outcomes, long total) {
    long max = Math.max(1, outcomes.stream().mapToLong(OutcomeCount::count).max().orElse(1));
    int height = 2 * PAD + outcomes.size() * ROW_H;
    Html svg = Svg.open("histogram", LABEL_W + BAR_W + COUNT_W, height, "Outcome histogram");
    for (int i = 0; i < outcomes.size(); i++) {
      bar(svg, outcomes.get(i), PAD + i * ROW_H, max, total);
    }
    Svg.line(svg, LABEL_W, PAD / 2.0, LABEL_W, height - PAD / 2.0, "axis");
    return svg.close().toString();
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
