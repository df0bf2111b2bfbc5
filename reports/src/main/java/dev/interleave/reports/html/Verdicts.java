package dev.interleave.reports.html;

import dev.interleave.report.Verdict;
import java.util.List;
import java.util.Locale;

/** The order and look of verdicts: failures first, then errors, interesting, passed. */
final class Verdicts {
  static final List<Verdict> ORDER =
      List.of(Verdict.FAILED, Verdict.ERROR, Verdict.INTERESTING, Verdict.PASSED);

  private Verdicts() {}

  static int rank(Verdict verdict) {
    return ORDER.indexOf(verdict);
  }

  /** The CSS class of a verdict: {@code failed}, {@code error}, {@code interesting}... */
  static String css(Verdict verdict) {
    return verdict.name().toLowerCase(Locale.ROOT);
  }

  /** A badge naming the verdict. */
  static void badge(Html html, Verdict verdict) {
    html.element("span", verdict.name(), "class", "badge " + css(verdict));
  }
}
