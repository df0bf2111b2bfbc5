package dev.interleave.scenarios.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Samples of one metric, named and oriented as the baseline script names them.
 *
 * @param name the metric name, e.g. {@code start_join_ms[spawn]}
 * @param unit its unit
 * @param lowerIsBetter whether smaller values are better
 * @param samples the measured values
 */
public record Metric(String name, String unit, boolean lowerIsBetter, List<Double> samples) {

  public Metric {
    samples = List.copyOf(samples);
  }

  /** The median of the samples (NaN if none). */
  public double median() {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  public double min() {
    return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  public double max() {
    return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** How much better this is than {@code other} (> 1 means better), by direction. */
  public double speedupOver(double other) {
    return lowerIsBetter ? other / median() : median() / other;
  }
}
