package dev.interleave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The report model depends on the JDK and the JSON library only, and is its only user. */
class ReportPackageRulesTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Path REPORT = MAIN.resolve("dev/interleave/report");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

  @Test
  void reportPackageImportsOnlyTheJdkAndTheJsonLibrary() throws IOException {
    List<String> allowed = List.of("java.", "com.fasterxml.jackson.", "org.apiguardian.api.");
    assertEquals("", offending(REPORT, i -> allowed.stream().noneMatch(i::startsWith)));
  }

  @Test
  void noOtherPackageUsesTheJsonLibrary() throws IOException {
    String offending = offending(MAIN, i -> i.startsWith("com.fasterxml.jackson."));
    String outside =
        offending
            .lines()
            .filter(line -> !line.startsWith(REPORT.toString()))
            .reduce("", (a, b) -> a + b + "\n");
    assertEquals("", outside);
  }

  private static String offending(Path root, Predicate<String> bad) throws IOException {
    StringBuilder found = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (bad.test(m.group(1))) {
            found.append(file).append(": ").append(m.group(1)).append('\n');
          }
        }
      }
    }
    return found.toString();
  }
}
