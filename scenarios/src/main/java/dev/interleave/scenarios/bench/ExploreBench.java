package dev.interleave.scenarios.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.Scenario;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Controlled schedules per second on the ten-process racy counter ({@link RacyCounterTen}),
 * through the public harness: the test is launched on the JUnit Platform and its JSON report
 * gives schedules and elapsed time. A warm-up run boots and warms the worker JVMs first.
 *
 * <p>What bounds the figure: each process of a schedule costs two controller round trips (its
 * {@code read} and {@code write} points), one one-way permission (its start) and one exit
 * message, so about 40 cross-JVM wake-ups per schedule of ten; main's own points are decided on
 * main's thread. A round trip over the Unix socket costs 10-30 us in a tight loop here, but a
 * wake-up of a parked thread on a loaded 2-core machine costs far more. Each round runs
 * 10, 1 and 0 processes: it splits the time into per-schedule and per-process parts.
 *
 * <p>Usage: {@code ExploreBench [schedules] [rounds]} (defaults 2000 and 3); {@code
 * -Dbench.waitQuiet=S} waits up to S seconds for a quiet machine before each round.
 */
public final class ExploreBench {
  private ExploreBench() {}

  public static void main(String[] args) throws Exception {
    int schedules = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("explore-bench-");
    System.setProperty(InterleaveProperties.REPORTS_DIR, dir.toString());
    Launcher launcher = LauncherFactory.create();
    double quiet = Double.parseDouble(System.getProperty("bench.waitQuiet", "0"));
    run(launcher, 300, dir, "warm-up");
    for (int r = 1; r <= rounds; r++) {
      if (quiet > 0) {
        System.out.printf(Locale.ROOT, "(machine CPU before: %.0f %%)%n", Quiet.await(quiet));
      }
      for (int processes : new int[] {10, 1, 0}) {
        System.setProperty(RacyCounterTen.PROCESSES, Integer.toString(processes));
        run(launcher, schedules, dir, processes + " proc");
      }
      System.clearProperty(RacyCounterTen.PROCESSES);
    }
  }

  private static void run(Launcher launcher, int schedules, Path dir, String what)
      throws Exception {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(RacyCounterTen.class, "explore", Scenario.class.getName()))
        .configurationParameter(InterleaveProperties.SCHEDULES, Integer.toString(schedules))
        .configurationParameter(InterleaveProperties.SEED, "1")
        .build();
    launcher.execute(request);
    TestReport report = ReportJson.read(dir.resolve(
        RacyCounterTen.class.getName().replaceAll("[^A-Za-z0-9._-]", "_") + ".explore.json"));
    double perSecond = report.schedulesExplored() * 1000.0 / Math.max(1, report.elapsedMillis());
    long lost = report.outcomes().stream().filter(o -> !o.outcome().equals("0"))
        .mapToLong(OutcomeCount::count).sum();
    System.out.printf(Locale.ROOT, "%-8s %6d schedules in %6d ms = %7.1f schedules/s"
        + " (verdict %s, %d with lost updates)%n", what, report.schedulesExplored(),
        report.elapsedMillis(), perSecond, report.verdict(), lost);
  }
}
