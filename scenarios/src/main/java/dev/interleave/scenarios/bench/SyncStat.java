package dev.interleave.scenarios.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One metric summarised over its samples, as the CPython baseline does: median (the headline),
 * min, max, and p10/p90/p99 when there are more than 25 samples.
 */
record SyncStat(double median, double min, double max, String unit, String better, int n,
    double p10, double p90, double p99) {

  static SyncStat of(List<Double> samples, String unit, String better) {
    double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (s.length == 0) {
      throw new IllegalArgumentException("no samples for a metric in " + unit);
    }
    boolean pct = s.length > 25;
    return new SyncStat(median(s), s[0], s[s.length - 1], unit, better, s.length,
        pct ? pct(s, 10) : Double.NaN, pct ? pct(s, 90) : Double.NaN,
        pct ? pct(s, 99) : Double.NaN);
  }

  static double median(double[] sorted) {
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  private static double pct(double[] sorted, double p) {
    double k = (sorted.length - 1) * p / 100.0;
    int lo = (int) k;
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (k - lo);
  }

  /** How many times better {@code this} is than {@code other}, in this metric's direction. */
  double speedupOver(double other) {
    return "higher".equals(better) ? median / other : other / median;
  }

  /** The metric as JSON, in the baseline's shape. */
  String toJson() {
    StringBuilder b = new StringBuilder("{\"median\": ").append(num(median))
        .append(", \"min\": ").append(num(min)).append(", \"max\": ").append(num(max))
        .append(", \"unit\": \"").append(unit).append("\", \"better\": \"").append(better)
        .append("\", \"n\": ").append(n);
    if (!Double.isNaN(p10)) {
      b.append(", \"p10\": ").append(num(p10)).append(", \"p90\": ").append(num(p90))
          .append(", \"p99\": ").append(num(p99));
    }
    return b.append('}').toString();
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
        .replaceAll("\\.(e|$)", "$1");
  }

  @Override
  public String toString() {
    return num(median) + " " + unit + " [" + num(min) + " .. " + num(max) + "] n=" + n
        + (Double.isNaN(p10) ? "" : " p10=" + num(p10) + " p90=" + num(p90) + " p99="
        + num(p99));
  }

  static List<Double> list(double... xs) {
    return Arrays.stream(xs).boxed().toList();
  }
}
