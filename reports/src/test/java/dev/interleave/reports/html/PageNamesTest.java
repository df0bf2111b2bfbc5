package dev.interleave.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageNamesTest {
  @Test
  void keepsReadablePartOfTheIdAndAddsAStableHash() {
    assertEquals(
        "com.acme.CounterTest_racy-de074daa", PageNames.forTestId("com.acme.CounterTest#racy()"));
  }

  @Test
  void idsDifferingOnlyInDroppedCharactersGetDifferentNames() {
    assertNotEquals(PageNames.forTestId("a.B#m(int)"), PageNames.forTestId("a.B#m[int]"));
  }

  @Test
  void longIdsAreCutAndEmptyStemsNamed() {
    String name = PageNames.forTestId("x".repeat(500));
    assertEquals(PageNames.MAX_STEM + 9, name.length());
    assertTrue(PageNames.forTestId("#()").startsWith("test-"));
    assertTrue(PageNames.forTestId("..").startsWith("test-"), "no dot-only names");
  }

  @Test
  void repeatedIdsGetNumberedPages() {
    Set<String> taken = new HashSet<>();
    String first = PageNames.unique("a.B#m()", taken);
    String second = PageNames.unique("a.B#m()", taken);

    assertEquals(first.replace(".html", "-2.html"), second);
  }
}
