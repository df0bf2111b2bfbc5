package dev.interleave.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.harness.InterleaveTest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's test project made in a test: {@code com.acme.CounterTest} (a resource, {@code
 * user-project/com/acme/CounterTest.java}) compiled with {@code javax.tools} against Interleave
 * into a {@code target/test-classes} directory, as a user's build would.
 */
final class UserProject {
  static final String CLASS = "com.acme.CounterTest";
  private static final String SOURCE = "user-project/com/acme/CounterTest.java";

  private UserProject() {}

  /** Compiles the project under {@code dir} and returns its {@code target/test-classes}. */
  static Path build(Path dir) throws IOException {
    Path src = dir.resolve("src/test/java/com/acme/CounterTest.java");
    Files.createDirectories(src.getParent());
    try (InputStream in = UserProject.class.getClassLoader().getResourceAsStream(SOURCE)) {
      Files.copy(in, src);
    }
    Path out = dir.resolve("target/test-classes");
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int code = javac.run(null, null, null, "-d", out.toString(), "-cp", compileClassPath(),
        "--release", "17", src.toString());
    assertThat(code).as("javac exit code").isZero();
    return out;
  }

  /** Where Interleave's and JUnit's API classes were loaded from. */
  private static String compileClassPath() {
    return Stream.of(InterleaveTest.class, org.junit.jupiter.api.TestTemplate.class,
            org.apiguardian.api.API.class)
        .map(UserProject::location).distinct().collect(Collectors.joining(File.pathSeparator));
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The lines of a {@code --json} summary without their times, sorted. */
  static List<String> jsonLines(String json) {
    return json.lines().filter(l -> l.contains("\"scenario\""))
        .map(l -> InterleaveCommandTest.withoutElapsed(l).replaceAll(",$", "")).sorted()
        .toList();
  }
}
