package dev.interleave.scenarios.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints Java and CPython medians side by side with ratios, and writes the Java side as JSON in
 * the baseline script's shape (readable by its {@code --compare}).
 */
public final class BenchReport {
  private record Row(String benchmark, Metric java, double cpython) {}

  private final List<Row> rows = new ArrayList<>();

  /** Adds a metric with the CPython median of the same name (NaN when not measured). */
  public void add(String benchmark, Metric java, double cpython) {
    rows.add(new Row(benchmark, java, cpython));
  }

  /** Prints the table. */
  public void print() {
    System.out.printf(Locale.ROOT, "%n%-22s %-40s %14s %14s %9s  %s%n", "benchmark", "metric",
        "java", "cpython", "java/cpy", "unit");
    for (Row r : rows) {
      double ratio = r.java.speedupOver(r.cpython);
      System.out.printf(Locale.ROOT, "%-22s %-40s %14.3f %14.3f %8.2fx  %s%n", r.benchmark,
          r.java.name(), r.java.median(), r.cpython, ratio, r.java.unit()
              + (r.java.lowerIsBetter() ? " (lower is better)" : ""));
    }
    System.out.println("java/cpy > 1 means Interleave is better, by the metric's direction.");
  }

  /** Writes the Java medians in the baseline JSON shape. */
  public void writeJson(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.putObject("host").put("implementation", "Java " + System.getProperty("java.version")
        + " / interleave");
    root.put("timestamp_utc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    ObjectNode benchmarks = root.putObject("benchmarks");
    for (Row r : rows) {
      ObjectNode metrics = benchmarks.has(r.benchmark)
          ? (ObjectNode) benchmarks.get(r.benchmark).get("metrics")
          : benchmarks.putObject(r.benchmark).putObject("metrics");
      ObjectNode m = metrics.putObject(r.java.name());
      m.put("median", r.java.median()).put("min", r.java.min()).put("max", r.java.max())
          .put("unit", r.java.unit()).put("better", r.java.lowerIsBetter() ? "lower" : "higher")
          .put("n", r.java.samples().size());
    }
    mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    System.out.println("Java results written to " + file.toAbsolutePath());
  }
}
