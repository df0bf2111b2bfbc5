package dev.interleave.reports.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.interleave.report.ReportRenderer;
import dev.interleave.reports.html.HtmlReportRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Re-renders the HTML report from a directory of saved report JSON files.
 *
 * <pre>RenderReport &lt;json-dir&gt; [&lt;out-dir&gt;]</pre>
 *
 * <p>The output directory defaults to the JSON directory. Exit status: 0 when rendered, 1 when the
 * output could not be written, 2 for a usage error such as a missing directory.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RenderReport {
  static final String USAGE = "Usage: RenderReport <json-dir> [<out-dir>]";

  private RenderReport() {}

  /**
   * Renders and exits with the status described above.
   *
   * @param args the JSON directory and, optionally, the output directory
   */
  public static void main(String[] args) {
    System.exit(run(args, new HtmlReportRenderer(), System.out, System.err));
  }

  static int run(String[] args, ReportRenderer renderer, PrintStream out, PrintStream err) {
    if (args.length < 1 || args.length > 2) {
      err.println(USAGE);
      return 2;
    }
    Path jsonDir = Path.of(args[0]);
    if (!Files.isDirectory(jsonDir)) {
      err.println("Not a directory: " + jsonDir);
      err.println(USAGE);
      return 2;
    }
    Path outDir = args.length == 2 ? Path.of(args[1]) : jsonDir;
    try {
      renderer.render(jsonDir, outDir);
    } catch (IOException e) {
      err.println("Cannot render " + jsonDir + " into " + outDir + ": " + e);
      return 1;
    }
    out.println("Rendered " + outDir.resolve("index.html"));
    return 0;
  }
}
