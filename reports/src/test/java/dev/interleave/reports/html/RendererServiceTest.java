package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.report.ReportRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererServiceTest {
  @TempDir Path dir;

  @Test
  void isFoundThroughTheServiceLoader() {
    ReportRenderer renderer = ReportRenderer.find(getClass().getClassLoader()).orElseThrow();

    assertInstanceOf(HtmlReportRenderer.class, renderer);
  }

  @Test
  void rendersARunInPlace() throws IOException {
    Fixtures.copy(Fixtures.goodFiles(), dir);

    ReportRenderer.find(getClass().getClassLoader()).orElseThrow().renderRun(dir);

    assertTrue(Files.isRegularFile(dir.resolve("index.html")));
  }
}
