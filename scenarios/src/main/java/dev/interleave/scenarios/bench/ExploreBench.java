package dev.interleave.scenarios.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Controlled exploration speed through the public harness: each workload is launched on the
 * JUnit Platform as a user's test is, and its JSON report gives schedules and elapsed time.
 *
 * <ul>
 *   <li>schedules/s of the racy counter ({@link RacyCounterTen}) with 10, 2, 1 and 0 processes
 *       (the differences split the time into per-schedule and per-process parts);
 *   <li>steps/s of the same runs (the steps the explored schedules took, over the run's time);
 *   <li>the schedules and wall time EXHAUSTIVE needs for the three-process locked counter
 *       ({@link LockedCounterThree}) three ways: within preemption bound 2 without reduction
 *       (every schedule), within bound 2 with it, and with no bound with it (one schedule per
 *       class of equivalent schedules: the whole space); with how many schedules the reduction
 *       abandoned part-way as equivalent, and whether each search exhausted its space.
 * </ul>
 *
 * <p>A warm-up run boots and warms the worker JVMs first. Each round runs every workload once;
 * the medians over the rounds are printed and written as JSON.
 *
 * <p>What bounds the figures: each process of a racy-counter schedule costs nine cross-JVM
 * wake-ups (its assignment, its start permission, a report and a permission for each of its
 * {@code read}, {@code write} and exit points, and its exit message), and the scenario's own work
 * (its task serialized and deserialized, its file read and written); main's own points are
 * decided on main's thread. {@link HandOffBench} measures the floor these make on this machine.
 *
 * <p>Usage: {@code ExploreBench [schedules] [rounds] [json-out]} (defaults 2000, 3 and {@code
 * target/bench-explore.json}); {@code -Dbench.waitQuiet=S} waits up to S seconds for a quiet
 * machine before each round; {@code -Dbench.exhaustive=false} leaves the exhaustive workload
 * out.
 */
public final class ExploreBench {
  private static final int[] PROCESS_COUNTS = {10, 2, 1, 0};

  private ExploreBench() {}

  public static void main(String[] args) throws Exception {
    int schedules = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path out = Path.of(args.length > 2 ? args[2] : "target/bench-explore.json");
    Path dir = Files.createTempDirectory("explore-bench-");
    System.setProperty(InterleaveProperties.REPORTS_DIR, dir.toString());
    try (LauncherSession session = LauncherFactory.openSession()) {
      measure(session.getLauncher(), schedules, rounds, out, dir);
    }
  }

  /**
   * Runs every round in one launcher session: its workloads share the harness's worker JVMs,
   * as the tests of one build's run do, so each measures warm workers, not their boot.
   */
  private static void measure(Launcher launcher, int schedules, int rounds, Path out, Path dir)
      throws Exception {
    double quiet = Double.parseDouble(System.getProperty("bench.waitQuiet", "0"));
    run(launcher, RacyCounterTen.class, "explore", 300, dir, "warm-up");
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    for (int r = 1; r <= rounds; r++) {
      if (quiet > 0) {
        System.out.printf(Locale.ROOT, "(machine CPU before: %.0f %%)%n", Quiet.await(quiet));
      }
      for (int processes : PROCESS_COUNTS) {
        System.setProperty(RacyCounterTen.PROCESSES, Integer.toString(processes));
        TestReport report = run(launcher, RacyCounterTen.class, "explore", schedules, dir,
            processes + " proc");
        add(samples, "racy_schedules_per_s[" + processes + " proc]", perSecond(report));
        add(samples, "racy_steps_per_s[" + processes + " proc]", steps(report) * 1000.0
            / Math.max(1, report.elapsedMillis()));
      }
      System.clearProperty(RacyCounterTen.PROCESSES);
      if (!Boolean.parseBoolean(System.getProperty("bench.exhaustive", "true"))) {
        continue;
      }
      exhaust(launcher, dir, samples, "locked3_bound2_full", 2, false);
      exhaust(launcher, dir, samples, "locked3_bound2_reduced", 2, true);
      exhaust(launcher, dir, samples, "locked3_unbounded_reduced", InterleaveTest.UNBOUNDED,
          true);
    }
    report(samples, rounds, schedules, out);
  }

  /** Exhausts the locked counter with {@code bound} and the reduction on or off. */
  private static void exhaust(Launcher launcher, Path dir, Map<String, List<Double>> samples,
      String key, int bound, boolean reduce) throws Exception {
    TestReport r = run(launcher, LockedCounterThree.class, "exhaust", null, dir, key,
        Map.of(InterleaveProperties.PREEMPTION_BOUND, Integer.toString(bound),
            InterleaveProperties.REDUCE, Boolean.toString(reduce)));
    add(samples, key + "_schedules", r.schedulesExplored());
    add(samples, key + "_abandoned", Double.parseDouble(
        r.strategyParams().getOrDefault(ABANDONED, "0")));
    add(samples, key + "_seconds", r.elapsedMillis() / 1000.0);
    add(samples, key + "_exhausted", r.exhausted() ? 1 : 0);
  }

  /** The report's strategy parameter for the steps its explored schedules took together. */
  private static final String STEPS = "stepsExplored";
  /** The report's strategy parameter for the schedules the reduction abandoned. */
  private static final String ABANDONED = "abandonedAsEquivalent";

  private static double steps(TestReport r) {
    return Double.parseDouble(r.strategyParams().getOrDefault(STEPS, "0"));
  }

  private static void add(Map<String, List<Double>> samples, String key, double value) {
    samples.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  private static double perSecond(TestReport report) {
    return report.schedulesExplored() * 1000.0 / Math.max(1, report.elapsedMillis());
  }

  private static void report(Map<String, List<Double>> samples, int rounds, int schedules,
      Path out) throws Exception {
    ObjectNode root = SampleJson.root("explore");
    root.put("rounds", rounds);
    root.put("racy_schedules_per_run", schedules);
    SampleJson.printAndPut(samples, root, 40);
    SampleJson.write(root, out);
  }

  private static TestReport run(Launcher launcher, Class<?> test, String method,
      Integer schedules, Path dir, String what) throws Exception {
    return run(launcher, test, method, schedules, dir, what, Map.of());
  }

  /**
   * Runs one test method with {@code schedules} (null: the annotation's) and the given
   * configuration parameters, and reads its report.
   */
  private static TestReport run(Launcher launcher, Class<?> test, String method,
      Integer schedules, Path dir, String what, Map<String, String> parameters)
      throws Exception {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(test, method, Scenario.class.getName()))
        .configurationParameter(InterleaveProperties.SEED, "1")
        .configurationParameters(parameters);
    if (schedules != null) {
      request.configurationParameter(InterleaveProperties.SCHEDULES, schedules.toString());
    }
    LauncherDiscoveryRequest built = request.build();
    launcher.execute(built);
    TestReport report = ReportJson.read(dir.resolve(
        test.getName().replaceAll("[^A-Za-z0-9._-]", "_") + "." + method + ".json"));
    long lost = report.outcomes().stream().filter(o -> !o.outcome().equals("0"))
        .mapToLong(OutcomeCount::count).sum();
    System.out.printf(Locale.ROOT, "%-26s %6d schedules in %6d ms = %7.1f schedules/s,"
        + " %8.0f steps/s (verdict %s%s, %d with lost updates)%n", what,
        report.schedulesExplored(), report.elapsedMillis(), perSecond(report),
        steps(report) * 1000.0 / Math.max(1, report.elapsedMillis()), report.verdict(),
        report.exhausted() ? ", exhausted" : "", lost);
    return report;
  }
}
