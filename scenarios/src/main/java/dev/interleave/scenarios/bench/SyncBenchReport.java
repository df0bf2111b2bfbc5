package dev.interleave.scenarios.bench;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The side-by-side table, the targets, and the JSON in the baseline's shape. */
final class SyncBenchReport {
  private SyncBenchReport() {}

  /** Metric -> the speed-up it must reach over CPython (its "better" direction). */
  private static final Map<String, Double> TARGETS = Map.of(
      "lock_uncontended/ns_per_pair[acquire_release]", 5.0,
      "lock_pingpong/per_handoff_us[semaphores]", 2.0,
      "lock_pingpong/per_handoff_us[semaphores,same_cpu]", 2.0,
      "lock_pingpong/per_handoff_us[semaphores,cross_cpu]", 2.0,
      "lock_pingpong/per_handoff_us[events]", 2.0,
      "event_gating_latency/set_to_wake_us", 2.0,
      "semaphore_capacity3/ops_per_s", 2.0);

  static String table(Map<String, Map<String, SyncStat>> java,
      Map<String, Map<String, CpythonRun.Median>> cpython) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-44s %14s %14s %-18s %9s %s%n",
        "benchmark / metric", "Java", "CPython", "unit", "speedup", "target"));
    java.forEach((bench, metrics) -> {
      b.append(bench).append('\n');
      metrics.forEach((name, stat) -> {
        CpythonRun.Median py = cpython.getOrDefault(bench, Map.of()).get(name);
        String speedup = py == null || py.median() == 0 ? "-"
            : String.format(Locale.ROOT, "%.2fx", stat.speedupOver(py.median()));
        b.append(String.format(Locale.ROOT, "  %-42s %14s %14s %-18s %9s %s%n", name,
            SyncStat.num(stat.median()), py == null ? "-" : SyncStat.num(py.median()),
            stat.unit(), speedup, target(bench + "/" + name, stat, py)));
      });
    });
    return b.toString();
  }

  private static String target(String key, SyncStat stat, CpythonRun.Median py) {
    if (key.startsWith("waiter_cpu/") && !key.endsWith("[idle]")) {
      return stat.median() < 5.0 ? "< 5% of a core: met" : "< 5% of a core: MISSED";
    }
    Double want = TARGETS.get(key);
    if (want == null || py == null) {
      return "";
    }
    boolean met = stat.speedupOver(py.median()) >= want;
    return String.format(Locale.ROOT, ">= %.0fx: %s", want, met ? "met" : "MISSED");
  }

  static String json(Map<String, Map<String, SyncStat>> java,
      Map<String, Map<String, CpythonRun.Median>> cpython, Instant now) {
    StringJoiner benches = new StringJoiner(",\n", "{\n", "\n }");
    java.forEach((bench, metrics) -> {
      StringJoiner ms = new StringJoiner(",\n", "{\n", "\n   }");
      StringJoiner vs = new StringJoiner(", ", "{", "}");
      metrics.forEach((name, stat) -> {
        ms.add("    \"" + name + "\": " + stat.toJson());
        CpythonRun.Median py = cpython.getOrDefault(bench, Map.of()).get(name);
        if (py != null && py.median() != 0) {
          vs.add("\"" + name + "\": {\"cpython_median\": " + SyncStat.num(py.median())
              + ", \"speedup\": " + SyncStat.num(stat.speedupOver(py.median())) + "}");
        }
      });
      benches.add("  \"" + bench + "\": {\"metrics\": " + ms + ",\n   \"vs_cpython\": " + vs
          + "}");
    });
    return "{\"schema\": \"python-mp-bench/1\", \"host\": {\"implementation\": \"Java "
        + System.getProperty("java.specification.version") + " / interleave\", \"jvm\": \""
        + System.getProperty("java.vm.version") + "\", \"cpus\": "
        + Runtime.getRuntime().availableProcessors() + "}, \"timestamp_utc\": \"" + now
        + "\",\n \"benchmarks\": " + benches + "}\n";
  }
}
