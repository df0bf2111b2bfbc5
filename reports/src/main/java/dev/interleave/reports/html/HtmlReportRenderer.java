package dev.interleave.reports.html;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.interleave.report.FindingKind;
import dev.interleave.report.ReportRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Renders a directory of report JSON files as static, self-contained HTML: {@code index.html} with
 * one row per test (failures first), one page per test, and one page per finding kind.
 *
 * <p>Pages carry their style sheet and figures inline and load nothing, so they open from {@code
 * file://}. Every value from a report is escaped. The same JSON gives byte-identical pages. A file
 * that cannot be read appears in the index as an error row naming the file and the problem; the
 * other files still render.
 *
 * <p>Renders of one output directory are serialised, across JVMs too, with a lock on the file
 * {@code .interleave-render.lock} in it, and every page is replaced atomically: with several test
 * JVMs writing reports into one directory, the last to render leaves an index of all.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HtmlReportRenderer implements ReportRenderer {

  /** Creates the renderer; the service loader calls this. */
  public HtmlReportRenderer() {}

  @Override
  public void render(Path jsonDir, Path outputDir) throws IOException {
    Files.createDirectories(outputDir);
    AtomicFiles.locked(
        outputDir,
        () -> {
          for (Map.Entry<String, String> page : pages(jsonDir, outputDir).entrySet()) {
            AtomicFiles.write(outputDir.resolve(page.getKey()), page.getValue());
          }
        });
  }

  /** Every page for the reports in {@code jsonDir}, rendered beside them, by file name. */
  static SortedMap<String, String> pages(Path jsonDir) throws IOException {
    return pages(jsonDir, jsonDir);
  }

  /**
   * Every page for the reports in {@code jsonDir}, by file name, without writing anything; links
   * to the JSON files are relative to {@code outputDir}.
   */
  static SortedMap<String, String> pages(Path jsonDir, Path outputDir) throws IOException {
    List<LoadedReport> reports = RunLoader.load(jsonDir);
    SortedMap<String, String> pages = new TreeMap<>();
    for (LoadedReport report : reports) {
      if (report.ok()) {
        pages.put(report.pageName(), TestPage.render(report, jsonHref(jsonDir, outputDir,
            report.fileName())));
      }
    }
    for (FindingKind kind : FindingKind.values()) {
      pages.put(KindPages.fileName(kind), KindPages.render(kind));
    }
    pages.put(IndexPage.FILE_NAME, IndexPage.render(reports));
    return pages;
  }

  private static String jsonHref(Path jsonDir, Path outputDir, String fileName) {
    Path from = outputDir.toAbsolutePath().normalize();
    Path to = jsonDir.toAbsolutePath().normalize().resolve(fileName);
    if (from.getRoot() == null || !from.getRoot().equals(to.getRoot())) {
      return to.toUri().toString();
    }
    return from.relativize(to).toString().replace('\\', '/');
  }
}
