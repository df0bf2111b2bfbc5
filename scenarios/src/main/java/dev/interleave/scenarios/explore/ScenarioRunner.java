package dev.interleave.scenarios.explore;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.Scenario;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one scenario on the JUnit Platform, as the build runs harness tests, and reads back the
 * JSON report the harness wrote. Sets the system properties {@code interleave.reports.dir},
 * (for a replay) {@code interleave.replay} and (for a user's test) {@code java.class.path}, and
 * the thread's context class loader, while it runs: one run at a time per JVM.
 *
 * <p>The runs of one runner share a launcher session, and with it the harness's warm worker
 * JVMs; {@link #close()} ends the session and stops them.
 */
public final class ScenarioRunner implements AutoCloseable {

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
      String replay, Map<String, String> parameters) {

    /** Settings with no further configuration parameters. */
    public Settings(String strategy, Integer schedules, long seed, Path reportDir,
        String replay) {
      this(strategy, schedules, seed, reportDir, replay, Map.of());
    }

    /** Copies the parameters. */
    public Settings {
      parameters = Map.copyOf(parameters);
    }

    /** These settings with {@code key} set to {@code value} among the parameters. */
    public Settings with(String key, String value) {
      Map<String, String> m = new TreeMap<>(parameters);
      m.put(key, value);
      return new Settings(strategy, schedules, seed, reportDir, replay, m);
    }
  }

  /**
   * A harness test to run: a catalog scenario or a user's test.
   *
   * @param id the name the command line shows, a scenario id or {@code class#method}
   * @param className the binary name of the class declaring the {@code @InterleaveTest} method
   * @param method the method's name
   * @param loader the class loader that loads {@code className}
   * @param classPath what worker JVMs need on their class path beyond this JVM's, possibly empty
   * @param scenarioId the scenario id, or {@code null} for a user's test
   */
  public record Target(String id, String className, String method, ClassLoader loader,
      List<Path> classPath, String scenarioId) {

    /** Copies the class path. */
    public Target {
      classPath = List.copyOf(classPath);
    }

    /** The catalog scenario {@code e}. */
    public static Target of(ScenarioCatalog.Entry e) {
      return new Target(e.id(), e.type().getName(), e.method(), e.type().getClassLoader(),
          List.of(), e.id());
    }

    /** The report file the harness writes for this test. */
    public String fileName() {
      return ScenarioRunner.fileName(className, method);
    }
  }

  private static final String REPORTS_DIR = InterleaveProperties.REPORTS_DIR;
  private static final String REPLAY = InterleaveProperties.REPLAY;

  private final LauncherSession session = LauncherFactory.openSession();
  private final Launcher launcher = session.getLauncher();

  /**
   * Runs {@code entry} and returns its report.
   *
   * @throws IOException if no report was written (the run broke before its verdict) or it
   *     cannot be read
   */
  public TestReport run(ScenarioCatalog.Entry entry, Settings settings) throws IOException {
    return run(Target.of(entry), settings, null);
  }

  /**
   * Runs {@code target} and returns its report; {@code listener}, if not null, hears the run's
   * events, the harness's progress entries among them.
   *
   * @throws IOException if no report was written (the run broke before its verdict) or it
   *     cannot be read
   */
  public TestReport run(Target target, Settings settings, TestExecutionListener listener)
      throws IOException {
    Files.createDirectories(settings.reportDir());
    Path file = settings.reportDir().resolve(target.fileName());
    Files.deleteIfExists(file);
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(target.loader(), target.className(), target.method(),
            Scenario.class.getName()))
        .configurationParameter(InterleaveProperties.SEED, Long.toString(settings.seed()))
        .configurationParameters(settings.parameters());
    if (target.scenarioId() != null) {
      request.configurationParameter(InterleaveProperties.SCENARIO_ID, target.scenarioId());
    }
    if (settings.schedules() != null) {
      request.configurationParameter(InterleaveProperties.SCHEDULES,
          settings.schedules().toString());
    }
    if (settings.strategy() != null) {
      request.configurationParameter(InterleaveProperties.STRATEGY, settings.strategy());
    }
    String oldDir = System.setProperty(REPORTS_DIR, settings.reportDir().toString());
    String oldReplay = settings.replay() == null ? System.clearProperty(REPLAY)
        : System.setProperty(REPLAY, settings.replay());
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    try (WorkerClassPath ignored = WorkerClassPath.extend(target.classPath(), target.loader())) {
      LauncherDiscoveryRequest built = request.build();
      launcher.execute(built, listener == null ? new TestExecutionListener[] {summary}
          : new TestExecutionListener[] {summary, listener});
    } finally {
      restore(REPORTS_DIR, oldDir);
      restore(REPLAY, oldReplay);
    }
    if (!Files.exists(file)) {
      IOException broke = new IOException("test " + target.id() + " wrote no report " + file
          + " (it broke before its verdict)");
      for (TestExecutionSummary.Failure f : summary.getSummary().getFailures()) {
        broke.addSuppressed(f.getException());
      }
      throw broke;
    }
    return ReportJson.read(file);
  }

  /** Ends the launcher session: the worker JVMs its runs shared are stopped. */
  @Override
  public void close() {
    session.close();
  }

  /** The report file the harness writes for method {@code method} of {@code className}. */
  public static String fileName(String className, String method) {
    return (className + "." + method).replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }

  /** The report file the harness writes for {@code entry}. */
  public static String fileName(ScenarioCatalog.Entry entry) {
    return Target.of(entry).fileName();
  }

  static void restore(String key, String old) {
    if (old == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, old);
    }
  }
}
