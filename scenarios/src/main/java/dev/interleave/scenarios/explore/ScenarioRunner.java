package dev.interleave.scenarios.explore;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.Scenario;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one scenario on the JUnit Platform, as the build runs harness tests, and reads back the
 * JSON report the harness wrote. Sets the system properties {@code interleave.reports.dir} and
 * (for a replay) {@code interleave.replay} while it runs: one run at a time per JVM.
 */
public final class ScenarioRunner {

  /**
   * What to run with.
   *
   * @param strategy {@code random}, {@code pct}, {@code pos}, {@code exhaustive}, {@code stress},
   *     or {@code null} for the scenario's own
   * @param schedules the budget, or {@code null} for the scenario's own
   * @param seed the seed of all scheduling and input randomness
   * @param reportDir where the JSON reports go
   * @param replay a replay token, or {@code null}
   */
  public record Settings(String strategy, Integer schedules, long seed, Path reportDir,
      String replay) {}

  private static final String REPORTS_DIR = "interleave.reports.dir";
  private static final String REPLAY = "interleave.replay";

  private final Launcher launcher = LauncherFactory.create();

  /**
   * Runs {@code entry} and returns its report.
   *
   * @throws IOException if no report was written (the run broke before its verdict) or it
   *     cannot be read
   */
  public TestReport run(ScenarioCatalog.Entry entry, Settings settings) throws IOException {
    Files.createDirectories(settings.reportDir());
    Path file = settings.reportDir().resolve(fileName(entry));
    Files.deleteIfExists(file);
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(entry.type(), entry.method(), Scenario.class.getName()))
        .configurationParameter("interleave.seed", Long.toString(settings.seed()))
        .configurationParameter("interleave.scenarioId", entry.id());
    if (settings.schedules() != null) {
      request.configurationParameter("interleave.schedules", settings.schedules().toString());
    }
    if (settings.strategy() != null) {
      request.configurationParameter("interleave.strategy", settings.strategy());
    }
    String oldDir = System.setProperty(REPORTS_DIR, settings.reportDir().toString());
    String oldReplay = settings.replay() == null ? System.clearProperty(REPLAY)
        : System.setProperty(REPLAY, settings.replay());
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    try {
      LauncherDiscoveryRequest built = request.build();
      launcher.execute(built, summary);
    } finally {
      restore(REPORTS_DIR, oldDir);
      restore(REPLAY, oldReplay);
    }
    if (!Files.exists(file)) {
      IOException broke = new IOException("scenario " + entry.id() + " wrote no report " + file
          + " (it broke before its verdict)");
      for (TestExecutionSummary.Failure f : summary.getSummary().getFailures()) {
        broke.addSuppressed(f.getException());
      }
      throw broke;
    }
    return ReportJson.read(file);
  }

  /** The report file the harness writes for {@code entry}. */
  public static String fileName(ScenarioCatalog.Entry entry) {
    return (entry.type().getName() + "." + entry.method()).replaceAll("[^A-Za-z0-9._-]", "_")
        + ".json";
  }

  private static void restore(String key, String old) {
    if (old == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, old);
    }
  }
}
