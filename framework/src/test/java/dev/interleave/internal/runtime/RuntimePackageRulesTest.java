package dev.interleave.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mechanics do not depend on the public API that wraps them: {@code internal.runtime},
 * {@code internal.sync} and {@code internal.shm} name no type of {@code dev.interleave.mp}
 * (nor of the harness), in an import or in code.
 */
class RuntimePackageRulesTest {
  private static final Path MAIN = Path.of("src/main/java/dev/interleave/internal");
  private static final Pattern USE = Pattern.compile(
      "^(?!\\s*(?:\\*|//|/\\*)).*\\bdev\\.interleave\\.(mp|harness|internal\\.harness)\\.[A-Z]",
      Pattern.MULTILINE);

  @ParameterizedTest
  @CsvSource({"runtime", "sync", "shm"})
  void theMechanicsNameNoTypeOfThePublicApi(String pkg) throws IOException {
    StringBuilder found = new StringBuilder();
    try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = USE.matcher(Files.readString(file));
        while (m.find()) {
          found.append(file.getFileName()).append(": ").append(m.group().strip()).append('\n');
        }
      }
    }
    assertEquals("", found.toString());
  }
}
