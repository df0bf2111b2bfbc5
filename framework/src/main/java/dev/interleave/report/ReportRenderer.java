package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * Turns a directory of report JSON files into human-readable pages.
 *
 * <p>A service provider interface: implementations register in {@code
 * META-INF/services/dev.interleave.report.ReportRenderer} and are found with {@link #find}, so that
 * the harness can render without depending on the module that renders.
 *
 * <p>Implementations read <em>every</em> {@code *.json} file in the directory, because several test
 * JVMs may write into one directory, and must replace their output files atomically. A file they
 * cannot read shows up in the output as an error; it does not stop the others.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ReportRenderer {

  /**
   * Reads every {@code *.json} report in {@code jsonDir} and writes an index and one page per test
   * into {@code outputDir}, creating it if needed.
   *
   * @throws IOException if the directory cannot be listed or the output cannot be written
   */
  void render(Path jsonDir, Path outputDir) throws IOException;

  /**
   * Renders a run's report directory in place: {@code render(reportDir, reportDir)}.
   *
   * @throws IOException if the directory cannot be listed or the output cannot be written
   */
  default void renderRun(Path reportDir) throws IOException {
    render(reportDir, reportDir);
  }

  /**
   * The first renderer registered with {@code loader}, if any.
   *
   * @throws java.util.ServiceConfigurationError if a registration is broken
   */
  static Optional<ReportRenderer> find(ClassLoader loader) {
    return ServiceLoader.load(ReportRenderer.class, loader).findFirst();
  }
}
