package dev.interleave.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared-state benchmarks beside CPython's ({@code python_mp_bench.py --only
 * value_increment,manager_dict_ops}), alternating the two sides round by round:
 *
 * <ul>
 *   <li>{@code value_increment}: 4 processes x 10,000 x {@code try (Held h = v.hold()) {
 *       v.set(v.get() + 1); }} on a {@code Value('i')} with its default RLock (CPython's {@code
 *       with v.get_lock(): v.value += 1}), gate open to all done;
 *   <li>{@code manager_dict_ops}: a fresh manager per repetition, 2 client processes setting then
 *       reading back 5,000 keys each; and the manager's start-up (launch, dict, first set) and
 *       shutdown against CPython's per start method;
 *   <li>{@code value_uncontended} (Java only): a get and a set of a RawValue and a Value, beside
 *       a volatile field and an AtomicInteger, in one thread.
 * </ul>
 *
 * <pre>
 * java -cp scenarios/target/interleave.jar dev.interleave.scenarios.bench.SharedBench \
 *     [ROUNDS [JSON]] [--quick] [--wait-quiet S]
 * </pre>
 */
public final class SharedBench {
  private static final String VALUE = "value_increment";
  private static final String MANAGER = "manager_dict_ops";
  private static final String UNCONTENDED = "value_uncontended";

  private SharedBench() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    boolean quick = rest.remove("--quick");
    double waitQuiet = 0;
    int at = rest.indexOf("--wait-quiet");
    if (at >= 0) {
      waitQuiet = Double.parseDouble(rest.remove(at + 1));
      rest.remove(at);
    }
    int rounds = rest.size() > 0 ? Integer.parseInt(rest.get(0)) : 2;
    Path out = Path.of(rest.size() > 1 ? rest.get(1) : "target/bench-shared.json");
    Map<String, List<Double>> java = new LinkedHashMap<>();
    List<JsonNode> python = new ArrayList<>();
    Optional<CpythonBaseline> cpython = CpythonBaseline.locate();
    runJava(1, new LinkedHashMap<>()); // warm-up, discarded
    for (int round = 1; round <= rounds; round++) {
      if (waitQuiet > 0) {
        System.out.printf("(machine CPU before: %.0f %%)%n", Quiet.await(waitQuiet));
      }
      System.out.println("round " + round + "/" + rounds + ": java");
      runJava(quick ? 2 : 3, java);
      if (cpython.isPresent()) {
        System.out.println("round " + round + "/" + rounds + ": cpython");
        python.add(cpython.get().run(VALUE + "," + MANAGER, quick, waitQuiet));
      }
    }
    report(java, python, out);
  }

  private static void runJava(int reps, Map<String, List<Double>> into) throws Exception {
    for (int r = 0; r < reps; r++) {
      int n = SharedWorkloads.INCREMENT_PROCESSES * SharedWorkloads.INCREMENTS;
      add(into, "ops_per_s[locked]", n / SharedWorkloads.valueIncrement());
      double[] ops = SharedWorkloads.managerDictOps();
      add(into, "set_ops_per_s[2 clients]", 2 * SharedWorkloads.KEYS / ops[0]);
      add(into, "get_ops_per_s[2 clients]", 2 * SharedWorkloads.KEYS / ops[1]);
      double[] startup = SharedWorkloads.managerStartup();
      add(into, "startup_ms", startup[0]);
      add(into, "shutdown_ms", startup[1]);
      SharedWorkloads.uncontended().forEach((k, v) -> add(into, k, v));
    }
  }

  private static void add(Map<String, List<Double>> into, String metric, double value) {
    into.computeIfAbsent(metric, k -> new ArrayList<>()).add(value);
  }

  private static void report(Map<String, List<Double>> java, List<JsonNode> python, Path out)
      throws Exception {
    BenchReport report = new BenchReport();
    for (Map.Entry<String, List<Double>> e : java.entrySet()) {
      String name = e.getKey();
      boolean lower = name.endsWith("_ms") || name.startsWith("ns_");
      String unit = name.startsWith("ops") ? "increments/s" : name.contains("ops") ? "ops/s"
          : lower && name.startsWith("ns") ? "ns" : "ms";
      Metric metric = new Metric(name, unit, lower, e.getValue());
      if (name.startsWith("ns_")) {
        report.add(UNCONTENDED, metric, Double.NaN);
      } else if (name.endsWith("_ms")) {
        for (String method : List.of("spawn", "forkserver")) {
          report.add(MANAGER, new Metric(name + "[vs " + method + "]", unit, true,
              e.getValue()), pythonMedian(python, MANAGER, name + "[" + method + "]", unit, true));
        }
      } else {
        String bench = name.startsWith("ops") ? VALUE : MANAGER;
        report.add(bench, metric, pythonMedian(python, bench, name, unit, lower));
      }
    }
    report.print();
    Files.createDirectories(out.toAbsolutePath().getParent());
    report.writeJson(out);
  }

  private static double pythonMedian(List<JsonNode> runs, String bench, String metric,
      String unit, boolean lower) {
    List<Double> medians = new ArrayList<>();
    for (JsonNode run : runs) {
      double m = CpythonBaseline.median(run, bench, metric);
      if (!Double.isNaN(m)) {
        medians.add(m);
      }
    }
    return new Metric(metric, unit, lower, medians).median();
  }
}
