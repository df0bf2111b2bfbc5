package dev.interleave.internal.harness.report;

import dev.interleave.report.RunEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/** When and where a test runs: the JVM, the system, Interleave's version, the git commit. */
final class RunEnvironments {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.interleave/interleave-framework/pom.properties";

  private RunEnvironments() {}

  static RunEnvironment now(long startedMillis) {
    String java = System.getProperty("java.version") + " ("
        + System.getProperty("java.vendor", "unknown vendor") + ")";
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch");
    return new RunEnvironment(
        Instant.ofEpochMilli(startedMillis).truncatedTo(ChronoUnit.SECONDS).toString(), java, os,
        Runtime.getRuntime().availableProcessors(), version(), commit(Path.of("")));
  }

  /** Interleave's version from its jar, or null when it runs from class directories. */
  static String version() {
    String v = RunEnvironments.class.getPackage().getImplementationVersion();
    if (v != null) {
      return v;
    }
    try (InputStream in = RunEnvironments.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The commit checked out in the git work tree holding {@code start}, read from the files
   * under {@code .git} (a worktree's {@code .git} file too), or null if there is none.
   */
  static String commit(Path start) {
    try {
      for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
        Path git = dir.resolve(".git");
        if (Files.isDirectory(git)) {
          return head(git);
        }
        if (Files.isRegularFile(git)) {
          String link = Files.readString(git, StandardCharsets.UTF_8).trim();
          return link.startsWith("gitdir:") ? head(dir.resolve(link.substring(7).trim())) : null;
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  private static String head(Path gitDir) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
    if (!head.startsWith("ref:")) {
      return head;
    }
    String ref = head.substring(4).trim();
    Path common = gitDir;
    Path commonFile = gitDir.resolve("commondir");
    if (Files.isRegularFile(commonFile)) {
      common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim());
    }
    for (Path dir : new Path[] {gitDir, common}) {
      Path file = dir.resolve(ref);
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
    }
    return packed(common.resolve("packed-refs"), ref);
  }

  private static String packed(Path packedRefs, String ref) throws IOException {
    if (!Files.isRegularFile(packedRefs)) {
      return null;
    }
    for (String line : Files.readAllLines(packedRefs, StandardCharsets.UTF_8)) {
      if (line.endsWith(" " + ref)) {
        return line.substring(0, line.indexOf(' '));
      }
    }
    return null;
  }
}
