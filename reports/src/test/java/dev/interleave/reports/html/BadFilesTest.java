package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadFilesTest {
  @TempDir Path dir;

  @Test
  void badFilesBecomeErrorRowsAndTheOthersStillRender() throws IOException {
    Fixtures.copy(Fixtures.goodFiles(), dir);
    Files.writeString(dir.resolve("a-truncated.json"), "{\"schemaVersion\": 1, \"testId\": \"x");
    Files.writeString(dir.resolve("b-future.json"), "{\"schemaVersion\": 7, \"testId\": \"x\"}");
    Files.writeString(dir.resolve("c-empty.json"), "");
    Files.writeString(dir.resolve("d-array.json"), "[1, 2]");
    Files.writeString(dir.resolve("e-invalid.json"), "{\"schemaVersion\": 1, \"testId\": \"x\"}");

    new HtmlReportRenderer().renderRun(dir);

    String index = Files.readString(dir.resolve("index.html"));
    assertErrorRow(
        index, "a-truncated.json", "truncated JSON (unexpected end of input at line 1, column 34)");
    assertErrorRow(index, "b-future.json", "unsupported schemaVersion 7 (this reader supports 1 to 2)");
    assertErrorRow(index, "c-empty.json", "empty file, expected a JSON object");
    assertErrorRow(index, "d-array.json", "expected a JSON object but was: ARRAY");
    assertErrorRow(
        index, "e-invalid.json", "invalid report at $: verdict is required but was: null");
    int readable = Fixtures.goodFiles().size();
    assertEquals(readable + 5, count(index, "<tr class=\"row "));
    assertEquals(5, count(index, "<tr class=\"row error unreadable\""));
    for (LoadedReport good : RunLoader.load(dir)) {
      if (good.ok()) {
        assertTrue(Files.isRegularFile(dir.resolve(good.pageName())), good.pageName());
        assertTrue(index.contains("href=\"" + good.pageName() + "\""), good.pageName());
      }
    }
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws IOException {
    Fixtures.copy(Fixtures.goodFiles(), dir);

    new HtmlReportRenderer().renderRun(dir);

    TreeSet<String> names = new TreeSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    }
    assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp")), names.toString());
    assertTrue(names.containsAll(List.of("index.html", AtomicFiles.LOCK_FILE)), names.toString());
  }

  @Test
  void emptyDirectoryGivesAnIndexSayingSo() throws IOException {
    new HtmlReportRenderer().renderRun(dir);

    assertTrue(
        Files.readString(dir.resolve("index.html")).contains("No reports in this directory."));
  }

  private static void assertErrorRow(String index, String file, String problem) {
    String row =
        "<span class=\"file\">"
            + file
            + "</span></td><td class=\"col-reason problem\" colspan=\"4\">"
            + Html.escape(problem)
            + "</td>";
    assertTrue(index.contains(row), () -> "no error row " + row + " in\n" + index);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
