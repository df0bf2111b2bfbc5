package dev.interleave.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.reports.html.HtmlReportRenderer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderReportTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void rendersJsonDirectoryIntoOutputDirectory() {
    Path target = dir.resolve("html");

    int status = run("src/test/resources/fixtures/run", target.toString());

    assertEquals(0, status, text(err));
    assertTrue(Files.isRegularFile(target.resolve("index.html")));
    assertEquals("Rendered " + target.resolve("index.html") + "\n", text(out));
  }

  @Test
  void missingDirectoryIsAUsageError() {
    Path missing = dir.resolve("missing");

    int status = run(missing.toString());

    assertEquals(2, status);
    assertEquals("Not a directory: " + missing + "\n" + RenderReport.USAGE + "\n", text(err));
  }

  @Test
  void wrongArgumentCountIsAUsageError() {
    assertEquals(2, run());
    assertEquals(2, run("a", "b", "c"));
    assertEquals(RenderReport.USAGE + "\n" + RenderReport.USAGE + "\n", text(err));
  }

  private int run(String... args) {
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    return RenderReport.run(args, new HtmlReportRenderer(), o, e);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
