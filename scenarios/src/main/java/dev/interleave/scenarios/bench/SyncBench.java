package dev.interleave.scenarios.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synchronization benchmarks side by side with CPython's: {@code lock_uncontended}, {@code
 * lock_pingpong}, {@code semaphore_capacity3}, {@code event_gating_latency}, {@code
 * value_increment} (workloads as in {@code shared/baselines/README.md}), plus {@code
 * waiter_cpu}, the CPU a blocked waiter's JVM uses (Java only).
 *
 * <p>For each benchmark it runs the Java workload (medians of repetitions), then the CPython one
 * with {@code python_mp_bench.py --only <name>}, so that Java and Python alternate under the same
 * machine conditions; it prints both and the ratios, and writes the Java results as JSON in the
 * baseline's shape (readable by {@code python_mp_bench.py --compare}).
 *
 * <pre>
 * java -cp scenarios/target/interleave.jar dev.interleave.scenarios.bench.SyncBench \
 *     [--python PATH] [--json PATH] [--quick] [--java-only] [--only a,b] [--wait-quiet S]
 * </pre>
 *
 * <p>{@code --wait-quiet S} waits, before each Java and each CPython run, up to {@code S}
 * seconds for machine-wide CPU use below 15 % (as the baseline script's option of that name).
 *
 * <p>Conventions are the baseline's (start gate, medians of repetitions, checks of every
 * result). Java children finish their set-up before they report ready: they run their
 * workload's operations and the primitives' blocking paths a few thousand times and wait until
 * the JIT compiler is idle (see {@link Settle}), so that the timed phase measures the primitives
 * rather than a fresh JVM compiling them. The parent JVM warms up with an untimed repetition of
 * {@code lock_uncontended}.
 *
 * <p>{@code --python} (or system property {@code interleave.bench.python}) is the baseline
 * script, by default {@code ../shared/baselines/python_mp_bench.py} relative to the repository
 * root (the working directory); {@code --json} defaults to {@code target/sync-bench.json}.
 */
public final class SyncBench {
  static final List<String> ALL = List.of("lock_uncontended", "lock_pingpong",
      "semaphore_capacity3", "event_gating_latency", "value_increment", "waiter_cpu");

  private SyncBench() {}

  public static void main(String[] args) throws Exception {
    SyncBenchOptions o = SyncBenchOptions.parse(args);
    LockWorkloads locks = new LockWorkloads(o.quick());
    SignalWorkloads signals = new SignalWorkloads(o.quick());
    CpythonRun python = new CpythonRun(o.python(), o.quick(), o.waitQuiet());
    Map<String, Map<String, SyncStat>> java = new LinkedHashMap<>();
    Map<String, Map<String, CpythonRun.Median>> cpython = new LinkedHashMap<>();
    Files.createDirectories(o.json().toAbsolutePath().getParent());
    for (String name : o.only()) {
      if (o.waitQuiet() > 0) {
        System.out.printf("(machine CPU before: %.0f %%)%n", Quiet.await(o.waitQuiet()));
      }
      System.out.println("== " + name + " (Java)");
      Map<String, SyncStat> result = switch (name) {
        case "lock_uncontended" -> locks.lockUncontended();
        case "lock_pingpong" -> locks.lockPingPong();
        case "value_increment" -> locks.valueIncrement();
        case "semaphore_capacity3" -> signals.semaphoreCapacity3();
        case "event_gating_latency" -> signals.eventGatingLatency();
        case "waiter_cpu" -> signals.waiterCpu();
        default -> throw new IllegalArgumentException("unknown benchmark: " + name);
      };
      result.forEach((k, v) -> System.out.println("  " + k + " = " + v));
      java.put(name, result);
      if (o.withPython() && !name.equals("waiter_cpu")) {
        System.out.println("== " + name + " (CPython)");
        Path pj = o.json().resolveSibling("cpython-" + name + ".json");
        cpython.put(name, python.run(name, pj));
      }
    }
    String table = SyncBenchReport.table(java, cpython);
    System.out.println();
    System.out.println(table);
    Files.writeString(o.json(), SyncBenchReport.json(java, cpython,
        Instant.now().truncatedTo(ChronoUnit.SECONDS)), StandardCharsets.UTF_8);
    Files.writeString(o.json().resolveSibling("sync-bench.txt"), table, StandardCharsets.UTF_8);
    System.out.println("JSON: " + o.json().toAbsolutePath());
  }

  /** Command-line options. */
  record SyncBenchOptions(Path python, Path json, boolean quick, boolean withPython,
      List<String> only, double waitQuiet) {

    static SyncBenchOptions parse(String[] args) throws IOException {
      Path python = Paths.get(System.getProperty("interleave.bench.python",
          "../shared/baselines/python_mp_bench.py"));
      Path json = Paths.get("target/sync-bench.json");
      boolean quick = false;
      boolean withPython = true;
      List<String> only = ALL;
      double waitQuiet = 0;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--python" -> python = Paths.get(args[++i]);
          case "--json" -> json = Paths.get(args[++i]);
          case "--quick" -> quick = true;
          case "--java-only" -> withPython = false;
          case "--only" -> only = List.of(args[++i].split(","));
          case "--wait-quiet" -> waitQuiet = Double.parseDouble(args[++i]);
          default -> throw new IllegalArgumentException("unknown argument: " + args[i]
              + " (expected --python PATH, --json PATH, --quick, --java-only, --only a,b,"
              + " --wait-quiet SECONDS)");
        }
      }
      if (withPython && !Files.isRegularFile(python)) {
        throw new IllegalArgumentException("CPython baseline script not found: "
            + python.toAbsolutePath() + " (give --python PATH, or --java-only)");
      }
      return new SyncBenchOptions(python, json, quick, withPython, only, waitQuiet);
    }
  }
}
