package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
  @TempDir Path dir;

  @Test
  void renderingTwiceGivesByteIdenticalFiles() throws IOException {
    HtmlReportRenderer renderer = new HtmlReportRenderer();

    renderer.render(Fixtures.RUN, dir.resolve("first"));
    renderer.render(Fixtures.RUN, dir.resolve("second"));

    assertSameFiles(dir.resolve("first"), dir.resolve("second"));
  }

  @Test
  void fileCreationOrderDoesNotMatter() throws IOException {
    List<Path> files = Fixtures.goodFiles();
    Fixtures.copy(files, dir.resolve("forward"));
    List<Path> reversed = new ArrayList<>(files);
    Collections.reverse(reversed);
    Fixtures.copy(reversed, dir.resolve("backward"));

    assertEquals(
        HtmlReportRenderer.pages(dir.resolve("forward")),
        HtmlReportRenderer.pages(dir.resolve("backward")));
  }

  private static void assertSameFiles(Path a, Path b) throws IOException {
    TreeSet<String> names = names(a);
    assertEquals(names, names(b));
    for (String name : names) {
      assertArrayEquals(
          Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
    }
  }

  private static TreeSet<String> names(Path dir) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.html")) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    }
    return names;
  }
}
