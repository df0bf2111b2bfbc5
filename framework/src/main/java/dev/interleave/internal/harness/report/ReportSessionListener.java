package dev.interleave.internal.harness.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.interleave.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Renders the HTML report index when a test run ends.
 *
 * <p>Registered as a service, so every JUnit launcher session of a JVM with the framework on the
 * class path calls it once at its end. If the report directory (system property {@value
 * #DIR_PROPERTY}, default {@value #DEFAULT_DIR}) holds JSON reports and a {@link ReportRenderer} is
 * on the class path, it renders the whole directory; otherwise it does nothing. Build tools may run
 * several test JVMs that write into one directory: the renderer reads every JSON file present and
 * replaces its pages atomically, so the last JVM to finish leaves a complete index. A failure is
 * logged to standard error and never fails the run.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportSessionListener implements LauncherSessionListener {
  /** The system property naming the report directory. */
  public static final String DIR_PROPERTY = dev.interleave.harness.InterleaveProperties.REPORTS_DIR;

  /** The report directory when {@value #DIR_PROPERTY} is not set. */
  public static final String DEFAULT_DIR = "target/interleave-reports";

  private final Supplier<Path> reportDir;
  private final Supplier<Optional<ReportRenderer>> renderer;
  private final PrintStream log;

  /** The listener the service loader creates. */
  public ReportSessionListener() {
    this(
        () -> Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR)),
        ReportSessionListener::findRenderer,
        System.err);
  }

  ReportSessionListener(
      Supplier<Path> reportDir, Supplier<Optional<ReportRenderer>> renderer, PrintStream log) {
    this.reportDir = reportDir;
    this.renderer = renderer;
    this.log = log;
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    Path dir = null;
    try {
      dir = reportDir.get();
      if (hasJsonReports(dir)) {
        Optional<ReportRenderer> found = renderer.get();
        if (found.isPresent()) {
          found.get().renderRun(dir);
        }
      }
    } catch (IOException | RuntimeException | ServiceConfigurationError | LinkageError e) {
      log.println("WARNING: Interleave could not render the HTML report in " + dir + ": " + e);
    }
  }

  static boolean hasJsonReports(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (DirectoryStream<Path> json = Files.newDirectoryStream(dir, "*.json")) {
      return json.iterator().hasNext();
    }
  }

  private static Optional<ReportRenderer> findRenderer() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ReportSessionListener.class.getClassLoader();
    }
    return ReportRenderer.find(loader);
  }
}
