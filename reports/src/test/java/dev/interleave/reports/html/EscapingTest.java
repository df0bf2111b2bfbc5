package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.report.ReportJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscapingTest {
  private static final String EVIL = "<script>alert('x\"&')</script>";
  private static final String ESCAPED =
      "&lt;script&gt;alert(&#39;x&quot;&amp;&#39;)&lt;/script&gt;";

  @TempDir Path dir;

  @Test
  void everyValueIsEscapedOnEveryPage() throws IOException {
    ReportJson.write(Fixtures.everywhere(EVIL), dir.resolve("evil.json"));

    SortedMap<String, String> pages = HtmlReportRenderer.pages(dir);

    String ownScript = "<script>\n" + Resources.text("report.js") + "</script>";
    pages.forEach(
        (name, page) -> {
          String html = page.replace(ownScript, "");
          assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), name);
          assertFalse(html.contains("alert('"), name);
        });
    String index = pages.get(IndexPage.FILE_NAME);
    String page =
        pages.get(
            pages.keySet().stream()
                .filter(n -> n.startsWith("com.evil"))
                .findFirst()
                .orElseThrow());
    assertTrue(index.contains(ESCAPED), index);
    assertTrue(page.contains("<title>" + ESCAPED + " \u2014 Interleave report</title>"), page);
    assertTrue(page.contains("class=\"step-label\">" + ESCAPED), "timeline label");
    assertTrue(
        page.contains("class=\"lane-name\" text-anchor=\"middle\">&lt;script&gt;alert("), "lane");
    assertTrue(
        page.contains("class=\"node-name\" text-anchor=\"middle\">&lt;script&gt;alert("), "node");
    assertTrue(page.contains("<pre class=\"thread-dump\">" + ESCAPED + "</pre>"), "thread dump");
  }

  @Test
  void pageNameIsSafeWhateverTheTestId() throws IOException {
    ReportJson.write(Fixtures.everywhere(EVIL), dir.resolve("evil.json"));

    String name = RunLoader.load(dir).get(0).pageName();

    assertTrue(name.matches("[A-Za-z0-9._-]+\\.html"), name);
    assertEquals(
        "com.evil.Test_script_alert_x_script-", name.substring(0, name.lastIndexOf('-') + 1));
  }

  @Test
  void escapesTheFiveSpecialCharacters() {
    assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", Html.escape("a&b<c>d\"e'f"));
    assertEquals("", Html.escape(null));
  }

  @Test
  void escapesAttributeValuesAndLeavesOutNullOnes() {
    String html = new Html().element("a", "x<y", "href", "p\"q.html", "title", null).toString();

    assertEquals("<a href=\"p&quot;q.html\">x&lt;y</a>", html);
  }
}
