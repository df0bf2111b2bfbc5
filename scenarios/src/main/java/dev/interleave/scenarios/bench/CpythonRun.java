package dev.interleave.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CPython baseline script for some benchmarks, keeping its JSON file and its table on
 * this stdout, and reads back the medians (see {@link CpythonBaseline} for the quiet variant).
 */
final class CpythonRun {
  private final Path script;
  private final boolean quick;
  private final double waitQuiet;

  CpythonRun(Path script, boolean quick, double waitQuiet) {
    this.script = script;
    this.quick = quick;
    this.waitQuiet = waitQuiet;
  }

  /** A CPython metric: its median, unit and direction. */
  record Median(double median, String unit, String better) {}

  /** Runs {@code benchmark}, its table going to this stdout; returns metric -> median. */
  Map<String, Median> run(String benchmark, Path json) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("python3", script.toString(), "--only",
        benchmark, "--json", json.toString()));
    if (quick) {
      cmd.add("--quick");
    }
    if (waitQuiet > 0) {
      cmd.addAll(List.of("--wait-quiet", Double.toString(waitQuiet)));
    }
    java.lang.Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("CPython baseline failed: " + String.join(" ", cmd));
    }
    return read(json).getOrDefault(benchmark, Map.of());
  }

  private static Map<String, Map<String, Median>> read(Path json) throws IOException {
    JsonNode benchmarks = new ObjectMapper().readTree(json.toFile()).path("benchmarks");
    Map<String, Map<String, Median>> all = new LinkedHashMap<>();
    benchmarks.fields().forEachRemaining(b -> {
      if (b.getValue().has("error")) {
        System.out.println("CPython " + b.getKey() + " failed: " + b.getValue().get("error").asText());
      }
      b.getValue().path("metrics").fields().forEachRemaining(m -> all
          .computeIfAbsent(b.getKey(), k -> new LinkedHashMap<>())
          .put(m.getKey(), new Median(m.getValue().path("median").asDouble(),
              m.getValue().path("unit").asText(), m.getValue().path("better").asText())));
    });
    return all;
  }
}
