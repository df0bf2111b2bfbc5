package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs rendering one directory at once, as parallel test forks do. */
class CrossJvmRenderTest {
  private static final int JVMS = 3;

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void concurrentJvmsRenderOneDirectoryWithoutErrorsOrLeftovers() throws Exception {
    Fixtures.copy(Fixtures.goodFiles(), dir);
    List<Process> children = new ArrayList<>();
    try {
      for (int i = 0; i < JVMS; i++) {
        children.add(start(i));
      }
      for (int i = 0; i < JVMS; i++) {
        Process child = children.get(i);
        assertTrue(child.waitFor(90, TimeUnit.SECONDS), "child " + i + " did not finish");
        assertEquals(0, child.exitValue(), () -> log(child));
      }
    } finally {
      children.forEach(Process::destroyForcibly);
    }

    assertEquals(
        IndexPage.render(RunLoader.load(dir)), Files.readString(dir.resolve(IndexPage.FILE_NAME)));
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")));
    }
  }

  private Process start(int i) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "dev.interleave.reports.cli.RenderReport",
            dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child-" + i + ".log").toFile())
        .start();
  }

  private String log(Process child) {
    try {
      int i = 0;
      StringBuilder sb = new StringBuilder("child exit " + child.exitValue() + "\n");
      for (Path log = dir.resolve("child-" + i + ".log"); Files.exists(log); ) {
        sb.append(Files.readString(log, StandardCharsets.UTF_8));
        log = dir.resolve("child-" + ++i + ".log");
      }
      return sb.toString();
    } catch (IOException e) {
      return e.toString();
    }
  }
}
