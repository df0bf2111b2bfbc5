package dev.interleave.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.report.CrossCheckReport;
import dev.interleave.report.CrossCheckRow;
import dev.interleave.report.Grade;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossCheckSectionTest {
  private static String render(CrossCheckReport c) {
    Html html = new Html();
    CrossCheckSection.render(html, c);
    return html.toString();
  }

  @Test
  void anOutcomeMissedByControlComesFirstAndIsNamedInTheBanner() {
    String page = render(new CrossCheckReport("pct", 40, false, 80, 10, List.of(
        new CrossCheckRow("1", Grade.ACCEPTABLE, null, 40, 8),
        new CrossCheckRow("2 saw the other", Grade.ACCEPTABLE, null, 0, 2))));
    assertThat(page).contains("1 outcome seen under stress never reached under control (40"
        + " controlled pct schedules and 80 more searching for outcomes seen only under stress,"
        + " against 10 stress runs): the controlled model misses behaviour.");
    assertThat(page).contains("banner grade-forbidden");
    assertThat(page.indexOf("2 saw the other")).isLessThan(page.indexOf("<code>1</code>"));
    assertThat(page).contains("under stress only: missed by control");
  }

  @Test
  void rareInterleavingsAreListedWhenNothingIsMissed() {
    String page = render(new CrossCheckReport("exhaustive", 37, true, 0, 6, List.of(
        new CrossCheckRow("2", Grade.ACCEPTABLE, null, 36, 6),
        new CrossCheckRow("1", Grade.INTERESTING, "lost", 1, 0))));
    assertThat(page).contains("Every outcome of 6 stress runs was reached under control (37"
        + " controlled exhaustive schedules (the space exhausted)); 1 outcome reached only under"
        + " control: rare interleavings stress did not hit.")
        .contains("under control only: a rare interleaving").contains("both ways")
        .doesNotContain("grade-forbidden");
  }

  @Test
  void aReportWithoutStressAgainstControlHasNoSection() {
    assertThat(render(null)).isEmpty();
  }
}
