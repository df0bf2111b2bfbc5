package dev.interleave.reports.html;

import dev.interleave.report.ReportFormatException;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads every {@code *.json} report of a directory, in file-name order. */
final class RunLoader {
  private RunLoader() {}

  static List<LoadedReport> load(Path jsonDir) throws IOException {
    Set<String> pageNames = new HashSet<>();
    List<LoadedReport> loaded = new ArrayList<>();
    for (Path file : jsonFiles(jsonDir)) {
      loaded.add(loadOne(file, pageNames));
    }
    return List.copyOf(loaded);
  }

  private static LoadedReport loadOne(Path file, Set<String> pageNames) {
    String fileName = file.getFileName().toString();
    try {
      TestReport report = ReportJson.read(file);
      return LoadedReport.read(fileName, report, PageNames.unique(report.testId(), pageNames));
    } catch (ReportFormatException e) {
      return LoadedReport.unreadable(fileName, e.problem());
    } catch (IOException e) {
      return LoadedReport.unreadable(fileName, "cannot read the file: " + e);
    }
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : stream) {
        if (Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    }
    files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return files;
  }
}
