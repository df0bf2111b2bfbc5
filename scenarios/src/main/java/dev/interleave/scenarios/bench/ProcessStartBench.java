package dev.interleave.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.mp.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@code process_start_join} workload: 20 x a no-op child timed from {@code start()} to
 * {@code join()}, and 20 x a child whose first statement stamps {@link System#nanoTime()}
 * (CLOCK_MONOTONIC, comparable across processes), against a parent stamp before {@code
 * start()}; plus the time spent inside {@code start()}.
 *
 * <p>Interleave runs cold ({@code interleave.warm=0}: a JVM boots per process, the counterpart
 * of CPython's spawn) and warm (a pre-started JVM is ready before each start, the counterpart of
 * forkserver), each side in its own JVM, alternating with CPython for {@code rounds} rounds
 * (default 3). Each round also runs the CPython script's {@code jvm_startup} and {@code
 * python_startup}: a fresh JVM printing one line is the bound below which no cold start can go,
 * set beside spawn. The warm side also times 20 x a child whose target halts its JVM at once
 * ({@code Runtime.halt(0)}, skipping the shutdown hooks a normal exit runs): the bound below
 * which no warm start and join can go, set beside forkserver. Usage: {@code ProcessStartBench
 * [rounds] [json-out]}.
 */
public final class ProcessStartBench {
  private static final int RUNS = 20;
  private static final String BENCH = "process_start_join";

  private ProcessStartBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--side")) {
      runSide(args[1]);
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path out = Path.of(args.length > 1 ? args[1] : "target/bench-process-start.json");
    Map<String, List<Double>> java = new TreeMap<>();
    List<JsonNode> python = new ArrayList<>();
    Optional<CpythonBaseline> cpython = CpythonBaseline.locate();
    for (int round = 1; round <= rounds; round++) {
      System.out.println("round " + round + "/" + rounds);
      collect(java, "cold", sideInJvm("cold"));
      collect(java, "warm", sideInJvm("warm"));
      if (cpython.isPresent()) {
        python.add(cpython.get().run(BENCH + ",jvm_startup,python_startup", false));
      }
    }
    report(java, python, out);
  }

  private static void report(Map<String, List<Double>> java, List<JsonNode> python, Path out)
      throws IOException {
    BenchReport report = new BenchReport();
    String[][] pairs = {
        {"start_join_ms[cold]", "start_join_ms[spawn]"},
        {"first_instruction_ms[cold]", "first_instruction_ms[spawn]"},
        {"start_call_ms[cold]", "start_call_ms[spawn]"},
        {"start_join_ms[warm]", "start_join_ms[forkserver]"},
        {"first_instruction_ms[warm]", "first_instruction_ms[forkserver]"},
        {"start_call_ms[warm]", "start_call_ms[forkserver]"},
        {"start_join_ms[warm]", "start_join_ms[spawn]"},
        {"first_instruction_ms[warm]", "first_instruction_ms[spawn]"}};
    for (String[] pair : pairs) {
      Metric m = new Metric(pair[0], "ms", true, java.getOrDefault(pair[0], List.of()));
      report.add(BENCH + " vs " + pair[1].substring(pair[1].indexOf('[')), m,
          pythonMedian(python, pair[1]));
    }
    // the bound of a cold start: a fresh JVM that only prints a line, timed by the CPython
    // script in the same round (fork + exec + exit), against spawn's whole start and join
    Metric floor = new Metric("jvm_hello_ms[fresh JVM]", "ms", true,
        pythonMedians(python, "jvm_startup", "ms[Hello default]"));
    report.add(BENCH + " bound: java Hello vs [spawn]", floor,
        pythonMedian(python, "start_join_ms[spawn]"));
    // the bound of a warm start and join: a warm child whose target halts its JVM at once
    Metric halted = new Metric("halt_join_ms[warm]", "ms", true,
        java.getOrDefault("halt_join_ms[warm]", List.of()));
    report.add(BENCH + " bound: warm child halting at once vs [forkserver]", halted,
        pythonMedian(python, "start_join_ms[forkserver]"));
    report.print();
    double pythonPass = new Metric("python_pass", "ms", true,
        pythonMedians(python, "python_startup", "ms[-c pass]")).median();
    System.out.printf("bound: `python3 -c pass` %.1f ms, `java -cp DIR Hello` %.1f ms (CPython's"
        + " script, same rounds): a cold start pays at least the latter%n", pythonPass,
        floor.median());
    Files.createDirectories(out.toAbsolutePath().getParent());
    report.writeJson(out);
  }

  private static double pythonMedian(List<JsonNode> runs, String metric) {
    return new Metric(metric, "ms", true, pythonMedians(runs, BENCH, metric)).median();
  }

  /** The per-round medians of {@code metric} of CPython's {@code benchmark}. */
  private static List<Double> pythonMedians(List<JsonNode> runs, String benchmark,
      String metric) {
    List<Double> medians = new ArrayList<>();
    for (JsonNode run : runs) {
      double m = CpythonBaseline.median(run, benchmark, metric);
      if (!Double.isNaN(m)) {
        medians.add(m);
      }
    }
    return medians;
  }

  private static void collect(Map<String, List<Double>> into, String side, Map<String, List<Double>> got) {
    got.forEach((k, v) -> into.computeIfAbsent(k + "[" + side + "]", x -> new ArrayList<>()).addAll(v));
  }

  /** Runs one side in a fresh JVM (so the warm pool setting is its own) and parses its output. */
  private static Map<String, List<Double>> sideInJvm(String side) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dinterleave.warm=" + (side.equals("cold") ? "0" : "1")));
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith("interleave.child.")) { // e.g. -Dinterleave.child.cds=false
        cmd.add("-D" + key + "=" + System.getProperty(key));
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ProcessStartBench.class.getName(), "--side", side));
    java.lang.Process jvm = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String text = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!jvm.waitFor(5, TimeUnit.MINUTES) || jvm.exitValue() != 0) {
      throw new IOException("bench side " + side + " failed:\n" + text);
    }
    Map<String, List<Double>> result = new TreeMap<>();
    for (String line : text.lines().toList()) {
      String[] kv = line.split("=", 2);
      if (kv.length == 2 && kv[0].matches("[a-z_]+")) {
        List<Double> values = new ArrayList<>();
        for (String v : kv[1].split(",")) {
          values.add(Double.parseDouble(v));
        }
        result.put(kv[0], values);
      }
    }
    return result;
  }

  private static void runSide(String side) throws Exception {
    boolean warm = side.equals("warm");
    Path dir = Files.createTempDirectory("interleave-bench");
    List<Double> startJoin = new ArrayList<>();
    List<Double> startCall = new ArrayList<>();
    List<Double> first = new ArrayList<>();
    List<Double> halted = new ArrayList<>();
    try {
      timeOne(warm, null, dir); // untimed warm-up, as the CPython side does
      for (int i = 0; i < RUNS; i++) {
        double[] t = timeOne(warm, null, dir);
        startCall.add(t[0]);
        startJoin.add(t[1]);
      }
      for (int i = 0; i < RUNS; i++) {
        Path stamp = dir.resolve("stamp-" + i);
        first.add(timeOne(warm, stamp, dir)[2]);
      }
      for (int i = 0; warm && i < RUNS; i++) {
        halted.add(timed(true, new Process(ProcessStartBench::halt), null)[1]);
      }
    } finally {
      try (var files = Files.list(dir)) {
        files.forEach(p -> p.toFile().delete());
      }
      Files.deleteIfExists(dir);
    }
    System.out.println("start_join_ms=" + join(startJoin));
    System.out.println("start_call_ms=" + join(startCall));
    System.out.println("first_instruction_ms=" + join(first));
    if (!halted.isEmpty()) {
      System.out.println("halt_join_ms=" + join(halted));
    }
  }

  private static String join(List<Double> values) {
    return String.join(",", values.stream().map(d -> Double.toString(d)).toList());
  }

  /** Returns {start call ms, start to join ms, start to first statement ms}. */
  private static double[] timeOne(boolean warm, Path stamp, Path dir) throws Exception {
    return timed(warm, stamp == null ? new Process(ProcessStartBench::noop)
        : new Process(ProcessStartBench::stamp, stamp.toString()), stamp);
  }

  /**
   * Starts and joins {@code p} (on a warm JVM if {@code warm}); returns {start call ms, start
   * to join ms, start to the first statement ms read from {@code stamp}, or NaN}.
   */
  private static double[] timed(boolean warm, Process p, Path stamp) throws Exception {
    if (warm) {
      Process.warmUp(1);
    }
    long t0 = System.nanoTime();
    p.start();
    long t1 = System.nanoTime();
    p.join();
    long t2 = System.nanoTime();
    double firstMs = Double.NaN;
    if (stamp != null) {
      firstMs = (Long.parseLong(Files.readString(stamp).trim()) - t0) / 1e6;
    }
    if (p.exitCode().orElse(-1) != 0) {
      throw new IllegalStateException("a timed child exited with " + p.exitCode());
    }
    p.close();
    return new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6, firstMs};
  }

  static void noop() {
    // the child does nothing
  }

  /** Ends the child's JVM at once: no shutdown hook, no exit of the runtime's own. */
  static void halt() {
    Runtime.getRuntime().halt(0);
  }

  static void stamp(String file) throws IOException {
    long now = System.nanoTime();
    Files.writeString(Path.of(file), Long.toString(now));
  }
}
