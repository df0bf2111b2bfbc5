package dev.interleave.scenarios.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interleave.harness.InterleaveProperties;
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
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Controlled exploration speed through the public harness: each workload is launched on the
 * JUnit Platform as a user's test is, and its JSON report gives schedules and elapsed time.
 *
 * <ul>
 *   <li>schedules/s of the racy counter ({@link RacyCounterTen}) with 10, 2, 1 and 0 processes
 *       (the differences split the time into per-schedule and per-process parts);
 *   <li>the schedules and wall time EXHAUSTIVE needs for the three-process locked counter
 *       within preemption bound 2 ({@link LockedCounterThree}), and whether it exhausted them.
 * </ul>
 *
 * <p>A warm-up run boots and warms the worker JVMs first. Each round runs every workload once;
 * the medians over the rounds are printed and written as JSON.
 *
 * <p>What bounds the figures: each process of a racy-counter schedule costs two controller
 * round trips (its {@code read} and {@code write} points), one one-way permission (its start)
 * and one exit message, so about 40 cross-JVM wake-ups per schedule of ten; main's own points
 * are decided on main's thread. A round trip over the Unix socket costs 10-30 us in a tight
 * loop here, but a wake-up of a parked thread on a loaded 2-core machine costs far more.
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
    Launcher launcher = LauncherFactory.create();
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
      }
      System.clearProperty(RacyCounterTen.PROCESSES);
      if (!Boolean.parseBoolean(System.getProperty("bench.exhaustive", "true"))) {
        continue;
      }
      TestReport exhaustive = run(launcher, LockedCounterThree.class, "exhaust", null, dir,
          "locked-3 exhaustive");
      add(samples, "locked3_exhaustive_schedules", exhaustive.schedulesExplored());
      add(samples, "locked3_exhaustive_seconds", exhaustive.elapsedMillis() / 1000.0);
      add(samples, "locked3_exhausted", exhaustive.exhausted() ? 1 : 0);
    }
    report(samples, rounds, schedules, out);
  }

  private static void add(Map<String, List<Double>> samples, String key, double value) {
    samples.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  private static double perSecond(TestReport report) {
    return report.schedulesExplored() * 1000.0 / Math.max(1, report.elapsedMillis());
  }

  private static void report(Map<String, List<Double>> samples, int rounds, int schedules,
      Path out) throws Exception {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("benchmark", "explore");
    root.put("rounds", rounds);
    root.put("racy_schedules_per_run", schedules);
    root.put("load_average_at_end", java.lang.management.ManagementFactory
        .getOperatingSystemMXBean().getSystemLoadAverage());
    ObjectNode metrics = root.putObject("metrics");
    System.out.println();
    System.out.printf(Locale.ROOT, "%-40s %12s %12s %12s%n", "metric", "median", "min", "max");
    samples.forEach((name, values) -> {
      Metric m = new Metric(name, "", false, values);
      System.out.printf(Locale.ROOT, "%-40s %12.1f %12.1f %12.1f%n", name, m.median(), m.min(),
          m.max());
      ObjectNode node = metrics.putObject(name);
      node.put("median", m.median());
      node.put("min", m.min());
      node.put("max", m.max());
      node.putPOJO("samples", values);
    });
    Files.createDirectories(out.toAbsolutePath().getParent());
    json.writeValue(out.toFile(), root);
    System.out.println("JSON: " + out.toAbsolutePath());
  }

  /** Runs one test method with {@code schedules} (null: the annotation's) and reads its report. */
  private static TestReport run(Launcher launcher, Class<?> test, String method,
      Integer schedules, Path dir, String what) throws Exception {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(test, method, Scenario.class.getName()))
        .configurationParameter(InterleaveProperties.SEED, "1");
    if (schedules != null) {
      request.configurationParameter(InterleaveProperties.SCHEDULES, schedules.toString());
    }
    LauncherDiscoveryRequest built = request.build();
    launcher.execute(built);
    TestReport report = ReportJson.read(dir.resolve(
        test.getName().replaceAll("[^A-Za-z0-9._-]", "_") + "." + method + ".json"));
    long lost = report.outcomes().stream().filter(o -> !o.outcome().equals("0"))
        .mapToLong(OutcomeCount::count).sum();
    System.out.printf(Locale.ROOT, "%-20s %6d schedules in %6d ms = %7.1f schedules/s"
        + " (verdict %s%s, %d with lost updates)%n", what, report.schedulesExplored(),
        report.elapsedMillis(), perSecond(report), report.verdict(),
        report.exhausted() ? ", exhausted" : "", lost);
    return report;
  }
}
