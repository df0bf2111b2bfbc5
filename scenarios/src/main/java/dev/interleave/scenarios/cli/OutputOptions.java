package dev.interleave.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where {@code run} and {@code merge} write their reports, and how they print the summary. */
final class OutputOptions {
  @Option(names = "--report-dir", paramLabel = "DIR", description = "where the JSON and HTML"
      + " report go (default: reports/ in the working directory, or interleave-reports/ if"
      + " reports/ holds a pom.xml, as in Interleave's own repository)")
  Path reportDir;

  @Option(names = "--junit-xml", paramLabel = "FILE",
      description = "where the JUnit XML goes (default: REPORT-DIR/TEST-interleave.xml)")
  Path junitXml;

  @Option(names = "--json", description = "print the summary as a JSON array instead of a table")
  boolean json;

  /** The report directory, absolute. */
  Path dir() {
    return (reportDir != null ? reportDir : defaultReportDir(Path.of(""))).toAbsolutePath()
        .normalize();
  }

  /** {@code reports/} under {@code cwd}; {@code interleave-reports/} if that is a module. */
  static Path defaultReportDir(Path cwd) {
    Path reports = cwd.resolve("reports");
    return Files.exists(reports.resolve("pom.xml")) ? cwd.resolve("interleave-reports") : reports;
  }

  /** Renders the report, writes the JUnit XML, prints the summary; returns the exit code. */
  int finish(List<JunitXml.Case> cases) throws IOException {
    return Summary.finish(cases, dir(), junitXml, json, System.out);
  }
}
