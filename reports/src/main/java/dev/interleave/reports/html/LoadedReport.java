package dev.interleave.reports.html;

import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;

/**
 * One JSON file of a run: its report and page, or the problem that kept it from being read.
 *
 * @param fileName the JSON file's name
 * @param report the report, or {@code null} if the file could not be read
 * @param problem why the file could not be read, or {@code null}
 * @param pageName the test page's file name, or {@code null} if there is no page
 */
record LoadedReport(String fileName, TestReport report, String problem, String pageName) {

  static LoadedReport read(String fileName, TestReport report, String pageName) {
    return new LoadedReport(fileName, report, null, pageName);
  }

  static LoadedReport unreadable(String fileName, String problem) {
    return new LoadedReport(fileName, null, problem, null);
  }

  boolean ok() {
    return report != null;
  }

  /** The verdict, {@link Verdict#ERROR} for a file that could not be read. */
  Verdict verdict() {
    return ok() ? report.verdict() : Verdict.ERROR;
  }

  /** The name to show for the test. */
  String title() {
    if (!ok()) {
      return fileName;
    }
    String display = report.displayName();
    return display == null || display.isBlank() ? report.testId() : display;
  }
}
