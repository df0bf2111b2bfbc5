package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Locks the rendered pages of the fixture run against {@code src/test/resources/golden}.
 *
 * <p>After an intended change of the output, run with {@code -Dinterleave.overwriteGolden=true} to
 * rewrite the golden files, then review the diff.
 */
class GoldenPagesTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/run");
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean OVERWRITE = Boolean.getBoolean("interleave.overwriteGolden");
  private static final String HINT = "; rerun with -Dinterleave.overwriteGolden=true if intended";

  @BeforeAll
  static void overwriteIfAsked() throws IOException {
    if (OVERWRITE) {
      overwrite(HtmlReportRenderer.pages(FIXTURES));
    }
  }

  @Test
  @DisplayName("the golden directory holds exactly the rendered pages")
  void goldenDirectoryHoldsExactlyTheRenderedPages() throws IOException {
    SortedMap<String, String> pages = HtmlReportRenderer.pages(FIXTURES);
    assertEquals(new TreeSet<>(pages.keySet()), goldenNames(), "golden file names" + HINT);
  }

  @TestFactory
  Stream<DynamicTest> everyPageMatchesItsGoldenFile() throws IOException {
    SortedMap<String, String> pages = HtmlReportRenderer.pages(FIXTURES);
    return pages.entrySet().stream()
        .map(page -> DynamicTest.dynamicTest(page.getKey(), () -> compare(page)));
  }

  private static void compare(Map.Entry<String, String> page) throws IOException {
    Path golden = GOLDEN.resolve(page.getKey());
    if (!Files.exists(golden)) {
      fail("no golden file " + golden + HINT);
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(page.getValue())) {
      fail(
          page.getKey()
              + " differs from "
              + golden
              + ": "
              + firstDifference(expected, page.getValue())
              + HINT);
    }
  }

  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<end of file>";
      String al = i < a.length ? a[i] : "<end of file>";
      if (!el.equals(al)) {
        return "line " + (i + 1) + "\n  expected: " + el + "\n  but was:  " + al;
      }
    }
    return "no line differs";
  }

  private static TreeSet<String> goldenNames() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    if (Files.isDirectory(GOLDEN)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(GOLDEN, "*.html")) {
        files.forEach(f -> names.add(f.getFileName().toString()));
      }
    }
    return names;
  }

  private static void overwrite(SortedMap<String, String> pages) throws IOException {
    Files.createDirectories(GOLDEN);
    List<String> stale = new ArrayList<>(goldenNames());
    stale.removeAll(pages.keySet());
    for (String name : stale) {
      Files.delete(GOLDEN.resolve(name));
    }
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Files.writeString(GOLDEN.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
  }
}
