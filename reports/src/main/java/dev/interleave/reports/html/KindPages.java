package dev.interleave.reports.html;

import dev.interleave.report.FindingKind;
import java.util.Locale;

/**
 * One page per finding kind explaining what it means and what usually causes it, linked from every
 * finding of that kind. The text lives in {@code kinds/<kind>.html} beside this class.
 */
final class KindPages {
  private KindPages() {}

  static String fileName(FindingKind kind) {
    return "kind-" + Format.lower(kind) + ".html";
  }

  static String title(FindingKind kind) {
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  static String render(FindingKind kind) {
    Html html = new Html();
    PageShell.begin(html, title(kind) + " \u2014 Interleave report");
    html.open("header", "class", "page-head").nl();
    html.open("nav", "class", "crumbs").element("a", "All tests", "href", IndexPage.FILE_NAME);
    html.text(" / finding kinds").close().nl();
    html.element("h1", title(kind)).nl();
    html.close().nl();
    html.open("article", "class", "kind-notes").nl();
    html.raw(Resources.text("kinds/" + Format.lower(kind) + ".html"));
    html.close().nl();
    return PageShell.end(html);
  }
}
