package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.interleave.report.ReportRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentRenderTest {
  private static final int COPIES = 3;

  @TempDir Path dir;

  @Test
  @Timeout(60)
  void concurrentRendersOfOneDirectoryLeaveACompleteIndex() throws Exception {
    List<Path> files = Fixtures.goodFiles();
    ReportRenderer renderer = new HtmlReportRenderer();
    ExecutorService pool = Executors.newFixedThreadPool(files.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Path file : files) {
        done.add(pool.submit(() -> writeThenRender(file, renderer)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    String index = Files.readString(dir.resolve(IndexPage.FILE_NAME));
    assertEquals(IndexPage.render(RunLoader.load(dir)), index);
    assertEquals(COPIES * files.size(), index.split("<tr class=\"row ", -1).length - 1);
    assertFalse(index.contains("badge error"), index);
  }

  private Void writeThenRender(Path file, ReportRenderer renderer) throws IOException {
    for (int i = 0; i < COPIES; i++) {
      Files.copy(file, dir.resolve(i + "-" + file.getFileName()));
      renderer.renderRun(dir);
    }
    return null;
  }
}
