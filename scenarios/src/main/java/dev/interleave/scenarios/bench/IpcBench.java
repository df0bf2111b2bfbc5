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
 * The {@code queue_throughput} and {@code pipe_throughput} workloads side by side with CPython:
 * for each of {@code rounds} rounds (default 2), every Java workload for the baseline's number of
 * repetitions, then the CPython script ({@code --only queue_throughput,pipe_throughput}); medians
 * over all repetitions, ratios, and the Java side as JSON in the baseline's shape.
 *
 * <p>Usage: {@code IpcBench [rounds] [json-out] [--quick] [--wait-quiet SECONDS]}. Before the
 * first round each workload runs once untimed, so that the parent's JIT has compiled the paths it
 * times; the children are fresh JVMs in every repetition, as CPython's spawned children are fresh
 * interpreters, and warm up before the start gate ({@link IpcWorkloads}). {@code --wait-quiet}
 * waits, before each Java round and each CPython benchmark, up to that long for the machine's
 * CPU use to fall below 15 %, as the script's option of the same name.
 */
public final class IpcBench {
  private static final String QUEUE = "queue_throughput";
  private static final String PIPE = "pipe_throughput";

  private IpcBench() {}

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
    Path out = Path.of(rest.size() > 1 ? rest.get(1) : "target/bench-ipc.json");
    Sizes sizes = quick ? new Sizes(50_000, 10_000, 64, 5_000, 2, 3) : new Sizes(200_000, 50_000,
        256, 20_000, 3, 5);
    Map<String, List<Double>> java = new LinkedHashMap<>();
    List<JsonNode> python = new ArrayList<>();
    Optional<CpythonBaseline> cpython = CpythonBaseline.locate();
    runJava(sizes, 1, new LinkedHashMap<>()); // warm-up, discarded
    for (int round = 1; round <= rounds; round++) {
      if (waitQuiet > 0) {
        System.out.printf("(machine CPU before: %.0f %%)%n", Quiet.await(waitQuiet));
      }
      System.out.println("round " + round + "/" + rounds + ": java");
      runJava(sizes, sizes.queueReps, java);
      if (cpython.isPresent()) {
        System.out.println("round " + round + "/" + rounds + ": cpython");
        python.add(cpython.get().run(QUEUE + "," + PIPE, quick, waitQuiet));
      }
    }
    report(java, python, out);
  }

  /** Workload sizes: items, 4 KiB items, MiB messages, round trips, and repetitions. */
  private record Sizes(int ints, int blobs, int mib, int roundTrips, int queueReps,
      int pipeReps) {}

  private static void runJava(Sizes s, int reps, Map<String, List<Double>> into) throws Exception {
    int pipeReps = reps == 1 ? 1 : s.pipeReps;
    for (int r = 0; r < reps; r++) {
      add(into, "items_per_s[Queue,int]", s.ints / IpcWorkloads.queue(s.ints, 0));
      double blobs = s.blobs / IpcWorkloads.queue(s.blobs, 4096);
      add(into, "items_per_s[Queue,4KiB]", blobs);
      add(into, "MB_per_s[Queue,4KiB]", blobs * 4096 / 1e6);
      add(into, "items_per_s[SimpleQueue,int]", s.ints / IpcWorkloads.simpleQueue(s.ints));
    }
    for (int r = 0; r < pipeReps; r++) {
      add(into, "MB_per_s[send_bytes,1MiB]", IpcWorkloads.pipeBulk(s.mib, 1 << 20));
      double perSecond = IpcWorkloads.pipeEcho(s.roundTrips);
      add(into, "round_trips_per_s[send,64B]", perSecond);
      add(into, "round_trip_us[send,64B]", 1e6 / perSecond);
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
      String bench = name.contains("Queue") ? QUEUE : PIPE;
      boolean lower = name.startsWith("round_trip_us");
      String unit = name.startsWith("items") ? "items/s" : name.startsWith("MB") ? "MB/s"
          : lower ? "us" : "round_trips/s";
      report.add(bench, new Metric(name, unit, lower, e.getValue()),
          pythonMedian(python, bench, name, unit, lower));
    }
    report.print();
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
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
