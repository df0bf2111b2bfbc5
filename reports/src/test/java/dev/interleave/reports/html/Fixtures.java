package dev.interleave.reports.html;

import dev.interleave.report.Expectation;
import dev.interleave.report.FindingKind;
import dev.interleave.report.FindingReport;
import dev.interleave.report.Grade;
import dev.interleave.report.InvariantKind;
import dev.interleave.report.InvariantStats;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.RunMode;
import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TestReport;
import dev.interleave.report.TraceStep;
import dev.interleave.report.Verdict;
import dev.interleave.report.WaitForEdge;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fixture run on disk, and reports built in code. */
final class Fixtures {
  static final Path RUN = Path.of("src/test/resources/fixtures/run");

  private Fixtures() {}

  /** The readable fixture reports, by file name. */
  static List<Path> goodFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(RUN, "*.json")) {
      for (Path file : stream) {
        String name = file.getFileName().toString();
        if (!name.startsWith("zz-") && !name.startsWith("future-")) {
          files.add(file);
        }
      }
    }
    files.sort(null);
    return files;
  }

  /** Copies {@code files} into {@code dir}, in the given order. */
  static void copy(List<Path> files, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Path file : files) {
      Files.copy(file, dir.resolve(file.getFileName()));
    }
  }

  /** A report with {@code evil} in every text a page shows. */
  static TestReport everywhere(String evil) {
    TraceStep step = new TraceStep(0, evil, evil, evil, evil, evil, true, true);
    ScheduleTrace trace = new ScheduleTrace(evil, 1, List.of(evil), List.of(step));
    FindingReport finding =
        new FindingReport(
            FindingKind.DEADLOCK,
            evil,
            evil,
            1,
            1,
            evil,
            trace,
            trace,
            trace,
            List.of(new WaitForEdge(evil, evil, evil + "2")),
            evil,
            evil);
    return new TestReport(
        "com.evil.Test#" + evil,
        evil,
        evil,
        evil,
        evil,
        RunMode.CONTROLLED,
        evil,
        Map.of(evil, evil),
        1,
        Verdict.FAILED,
        Expectation.VIOLATION,
        evil,
        1,
        1,
        false,
        1,
        List.of(new InvariantStats(evil, InvariantKind.STATE, 1, 1)),
        List.of(new OutcomeCount(evil, 1, Grade.FORBIDDEN, evil)),
        List.of(finding));
  }
}
