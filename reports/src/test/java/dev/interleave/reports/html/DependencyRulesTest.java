package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reports module uses the report model and nothing internal to the framework. */
class DependencyRulesTest {
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
  private static final List<String> ALLOWED =
      List.of("java.", "dev.interleave.report.", "dev.interleave.reports.", "org.apiguardian.api.");

  @Test
  void mainSourcesImportOnlyTheJdkTheReportModelAndThisModule() throws IOException {
    StringBuilder violations = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (ALLOWED.stream().noneMatch(m.group(1)::startsWith)) {
            violations.append(file).append(": ").append(m.group(1)).append('\n');
          }
        }
      }
    }
    assertEquals("", violations.toString());
  }
}
