package dev.interleave.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interleave.mp.Pool;
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
import java.util.stream.IntStream;

/**
 * The {@code pool_map_small} workload beside CPython's: {@code Pool(2).map(square, range(100000))}
 * with the default chunksize and {@code map(square, range(10000), chunksize=1)} on one reused
 * pool after an untimed warm-up map (5 reps, results checked by their sum); and pool start-up,
 * {@code Pool(2)} to the first {@code apply(square, 3)} result, then {@code shutdown()} (CPython's
 * {@code close()}) and {@code join()} (5 reps).
 *
 * <p>Start-up runs cold ({@code interleave.warm=0}: two JVMs boot, against CPython's spawn) and
 * warm (two pre-started JVMs are ready before each pool, against forkserver), each side in its
 * own JVM, alternating with CPython for {@code rounds} rounds (default 3). Usage: {@code PoolBench
 * [rounds] [json-out]}.
 */
public final class PoolBench {
  private static final String BENCH = "pool_map_small";
  private static final int REPS = 5;
  private static final int BIG = 100_000;
  private static final int SMALL = 10_000;

  private PoolBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--side")) {
      runSide(args[1].equals("warm"));
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path out = Path.of(args.length > 1 ? args[1] : "target/bench-pool.json");
    Map<String, List<Double>> java = new TreeMap<>();
    List<JsonNode> python = new ArrayList<>();
    Optional<CpythonBaseline> cpython = CpythonBaseline.locate();
    for (int round = 1; round <= rounds; round++) {
      System.out.println("round " + round + "/" + rounds);
      collect(java, "cold", sideInJvm("cold"));
      collect(java, "warm", sideInJvm("warm"));
      if (cpython.isPresent()) {
        python.add(cpython.get().run(BENCH, false));
      }
    }
    report(java, python, out);
  }

  private static void report(Map<String, List<Double>> java, List<JsonNode> python, Path out)
      throws IOException {
    BenchReport report = new BenchReport();
    String[][] pairs = {
        {"tasks_per_s[100k,default_chunksize]", "tasks_per_s[100k,default_chunksize]", "tasks/s"},
        {"tasks_per_s[10k,chunksize=1]", "tasks_per_s[10k,chunksize=1]", "tasks/s"},
        {"startup_first_result_ms[cold]", "startup_first_result_ms[spawn]", "ms"},
        {"close_join_ms[cold]", "close_join_ms[spawn]", "ms"},
        {"startup_first_result_ms[warm]", "startup_first_result_ms[forkserver]", "ms"},
        {"close_join_ms[warm]", "close_join_ms[forkserver]", "ms"},
        {"startup_first_result_ms[warm]", "startup_first_result_ms[spawn]", "ms"}};
    for (String[] p : pairs) {
      boolean lower = p[2].equals("ms");
      Metric m = new Metric(p[0], p[2], lower, java.getOrDefault(p[0], List.of()));
      report.add(BENCH + " vs " + p[1], m, pythonMedian(python, p[1], p[2], lower));
    }
    report.print();
    Files.createDirectories(out.toAbsolutePath().getParent());
    report.writeJson(out);
  }

  private static double pythonMedian(List<JsonNode> runs, String metric, String unit,
      boolean lower) {
    List<Double> medians = new ArrayList<>();
    for (JsonNode run : runs) {
      double m = CpythonBaseline.median(run, BENCH, metric);
      if (!Double.isNaN(m)) {
        medians.add(m);
      }
    }
    return new Metric(metric, unit, lower, medians).median();
  }

  private static void collect(Map<String, List<Double>> into, String side,
      Map<String, List<Double>> got) {
    got.forEach((k, v) -> {
      String name = k.startsWith("tasks_per_s") ? k.replace("_100k", "[100k,default_chunksize]")
          .replace("_10k", "[10k,chunksize=1]") : k + "[" + side + "]";
      if (!k.startsWith("tasks_per_s") || side.equals("warm")) {
        into.computeIfAbsent(name, x -> new ArrayList<>()).addAll(v);
      }
    });
  }

  /** Runs one side in a fresh JVM (so its warm-JVM setting is its own) and parses its output. */
  private static Map<String, List<Double>> sideInJvm(String side)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dinterleave.warm=" + (side.equals("cold") ? "0" : "2"),
        "-cp", System.getProperty("java.class.path"), PoolBench.class.getName(), "--side", side));
    java.lang.Process jvm = new ProcessBuilder(cmd)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String text = new String(jvm.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    if (!jvm.waitFor(10, TimeUnit.MINUTES) || jvm.exitValue() != 0) {
      throw new IOException("bench side " + side + " failed:\n" + text);
    }
    Map<String, List<Double>> result = new TreeMap<>();
    for (String line : text.lines().toList()) {
      String[] kv = line.split("=", 2);
      if (kv.length == 2 && kv[0].matches("[a-z_0-9]+")) {
        List<Double> values = new ArrayList<>();
        for (String v : kv[1].split(",")) {
          values.add(Double.parseDouble(v));
        }
        result.put(kv[0], values);
      }
    }
    return result;
  }

  private static void runSide(boolean warm) throws Exception {
    List<Double> first = new ArrayList<>();
    List<Double> closeJoin = new ArrayList<>();
    startUp(warm);
    for (int i = 0; i < REPS; i++) {
      double[] t = startUp(warm);
      first.add(t[0]);
      closeJoin.add(t[1]);
    }
    System.out.println("startup_first_result_ms=" + join(first));
    System.out.println("close_join_ms=" + join(closeJoin));
    if (warm) {
      throughput();
    }
  }

  /** Returns {constructor to first result ms, shutdown + join ms}. */
  private static double[] startUp(boolean warm) throws Exception {
    if (warm) {
      Process.warmUp(2);
    }
    long t0 = System.nanoTime();
    Pool pool = new Pool(2);
    int nine = pool.apply(PoolBench::square, 3);
    long t1 = System.nanoTime();
    pool.shutdown();
    pool.join();
    long t2 = System.nanoTime();
    if (nine != 9) {
      throw new AssertionError("apply(square, 3) gave " + nine);
    }
    return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6};
  }

  private static void throughput() throws Exception {
    List<Integer> big = IntStream.range(0, BIG).boxed().toList();
    List<Integer> small = IntStream.range(0, SMALL).boxed().toList();
    long expBig = big.stream().mapToLong(i -> (long) i * i).sum();
    long expSmall = small.stream().mapToLong(i -> (long) i * i).sum();
    List<Double> bigRates = new ArrayList<>();
    List<Double> smallRates = new ArrayList<>();
    try (Pool pool = new Pool(2)) {
      pool.map(PoolBench::squareLong, IntStream.range(0, 1000).boxed().toList());
      for (int rep = 0; rep < REPS; rep++) {
        long t0 = System.nanoTime();
        check(pool.map(PoolBench::squareLong, big), expBig);
        long t1 = System.nanoTime();
        check(pool.map(PoolBench::squareLong, small, 1), expSmall);
        long t2 = System.nanoTime();
        bigRates.add(BIG / ((t1 - t0) / 1e9));
        smallRates.add(SMALL / ((t2 - t1) / 1e9));
      }
    }
    System.out.println("tasks_per_s_100k=" + join(bigRates));
    System.out.println("tasks_per_s_10k=" + join(smallRates));
  }

  private static void check(List<Long> results, long expected) {
    long sum = results.stream().mapToLong(Long::longValue).sum();
    if (sum != expected) {
      throw new AssertionError("pool map result wrong: " + sum + " != " + expected);
    }
  }

  private static String join(List<Double> values) {
    return String.join(",", values.stream().map(d -> Double.toString(d)).toList());
  }

  static int square(int x) {
    return x * x;
  }

  static long squareLong(int x) {
    return (long) x * x;
  }
}
