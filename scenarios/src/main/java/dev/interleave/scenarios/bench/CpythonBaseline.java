package dev.interleave.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CPython side of a workload ({@code python_mp_bench.py --only ...}) and reads its
 * medians from the JSON it writes.
 */
public final class CpythonBaseline {
  private final Path script;

  private CpythonBaseline(Path script) {
    this.script = script;
  }

  /**
   * The script at {@code -Dinterleave.bench.python=...}, else {@code ../shared/baselines/} from
   * the working directory; empty (with a message) if it is not there.
   */
  public static Optional<CpythonBaseline> locate() {
    Path p = Path.of(System.getProperty("interleave.bench.python",
        "../shared/baselines/python_mp_bench.py"));
    if (!Files.isRegularFile(p)) {
      System.out.println("CPython side skipped: no baseline script at " + p.toAbsolutePath()
          + " (set -Dinterleave.bench.python=PATH)");
      return Optional.empty();
    }
    return Optional.of(new CpythonBaseline(p));
  }

  /** Runs the benchmarks and returns the JSON's {@code benchmarks} object. */
  public JsonNode run(String only, boolean quick) throws IOException, InterruptedException {
    return run(only, quick, 0);
  }

  /**
   * Runs the benchmarks, first waiting up to {@code waitQuietSeconds} before each for the
   * machine to be quiet (the script's {@code --wait-quiet}; 0 for no wait).
   */
  public JsonNode run(String only, boolean quick, double waitQuietSeconds)
      throws IOException, InterruptedException {
    Path json = Files.createTempFile("interleave-cpython-", ".json");
    try {
      List<String> cmd = new java.util.ArrayList<>(List.of("python3", script.toString(),
          "--only", only, "--json", json.toString()));
      if (quick) {
        cmd.add("--quick");
      }
      if (waitQuietSeconds > 0) {
        cmd.addAll(List.of("--wait-quiet", Double.toString(waitQuietSeconds)));
      }
      java.lang.Process py = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!py.waitFor(10, TimeUnit.MINUTES) || py.exitValue() != 0) {
        py.destroyForcibly();
        throw new IOException("CPython benchmark failed: " + String.join(" ", cmd));
      }
      return new ObjectMapper().readTree(json.toFile()).path("benchmarks");
    } finally {
      Files.deleteIfExists(json);
    }
  }

  /** The median of {@code metric} of {@code benchmark} in a {@link #run} result, or NaN. */
  public static double median(JsonNode benchmarks, String benchmark, String metric) {
    JsonNode m = benchmarks.path(benchmark).path("metrics").path(metric).path("median");
    return m.isNumber() ? m.asDouble() : Double.NaN;
  }
}
