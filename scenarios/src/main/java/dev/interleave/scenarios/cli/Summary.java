package dev.interleave.scenarios.cli;

import dev.interleave.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The end of {@code run} and {@code merge}: renders the HTML report of the report directory,
 * writes the JUnit XML, prints the summary (a table, or JSON) and returns the exit code.
 */
final class Summary {
  private Summary() {}

  /**
   * Finishes a run of {@code cases} whose JSON reports are in {@code dir}.
   *
   * @param junit where the JUnit XML goes, or {@code null} for {@code dir/TEST-interleave.xml}
   * @return {@link InterleaveCommand#MET} if every test met its expectation, else {@link
   *     InterleaveCommand#UNMET}
   */
  static int finish(List<JunitXml.Case> cases, Path dir, Path junit, boolean json,
      PrintStream out) throws IOException {
    List<SummaryRow> rows = cases.stream().map(JunitXml.Case::row).toList();
    Path index = render(dir);
    JunitXml.write(junit != null ? junit : dir.resolve(JunitXml.FILE), cases);
    if (json) {
      out.print(SummaryRow.json(rows));
    } else {
      out.print(SummaryRow.table(rows));
      rows.stream().filter(r -> r.command() != null)
          .forEach(r -> out.println("replay " + r.scenario() + ": " + r.command()));
      out.println("report: " + index);
    }
    out.flush();
    return rows.stream().allMatch(SummaryRow::met) ? InterleaveCommand.MET
        : InterleaveCommand.UNMET;
  }

  private static Path render(Path dir) throws IOException {
    ReportRenderer renderer = ReportRenderer.find(Summary.class.getClassLoader())
        .orElseThrow(() -> new IllegalStateException("no report renderer on the class path"));
    renderer.renderRun(dir);
    return dir.resolve("index.html");
  }
}
