package dev.interleave.scenarios.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The output of a Java-only bench: named samples (one per round) printed as median, min and
 * max, and written as JSON with every sample and the load average at the end.
 */
final class SampleJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private SampleJson() {}

  /** A JSON document for {@code benchmark}, with the machine's load average now. */
  static ObjectNode root(String benchmark) {
    ObjectNode root = JSON.createObjectNode();
    root.put("benchmark", benchmark);
    root.put("load_average_at_end",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return root;
  }

  /**
   * Prints a table of {@code samples} (names padded to {@code width}) and puts each metric's
   * median, min, max and samples under {@code root}'s {@code metrics}.
   */
  static void printAndPut(Map<String, List<Double>> samples, ObjectNode root, int width) {
    ObjectNode metrics = root.putObject("metrics");
    String row = "%-" + width + "s %12s %12s %12s%n";
    System.out.println();
    System.out.printf(Locale.ROOT, row, "metric", "median", "min", "max");
    samples.forEach((name, values) -> {
      Metric m = new Metric(name, "", false, values);
      System.out.printf(Locale.ROOT, row, name, format(m.median()), format(m.min()),
          format(m.max()));
      ObjectNode node = metrics.putObject(name);
      node.put("median", m.median());
      node.put("min", m.min());
      node.put("max", m.max());
      node.putPOJO("samples", values);
    });
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Writes {@code root} to {@code out}, making its directory. */
  static void write(ObjectNode root, Path out) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    JSON.writeValue(out.toFile(), root);
    System.out.println("JSON: " + out.toAbsolutePath());
  }
}
