package dev.interleave.reports.html;

/** The frame shared by every page: document head with the inline style sheet, and footer. */
final class PageShell {
  private static final String CSS = Resources.text("report.css");
  private static final String SCRIPT = Resources.text("report.js");

  private PageShell() {}

  /** Writes the document start up to and including the opening {@code <main>}. */
  static void begin(Html html, String title) {
    html.raw("<!DOCTYPE html>").nl();
    html.open("html", "lang", "en").nl();
    html.open("head").nl();
    html.empty("meta", "charset", "utf-8").nl();
    html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl();
    html.element("title", title).nl();
    html.open("style").nl().raw(CSS).close().nl();
    html.close().nl();
    html.open("body").nl();
    html.open("main").nl();
  }

  /** Closes what {@link #begin} opened. */
  static String end(Html html) {
    html.close().nl();
    html.open("footer").text("Interleave report").close().nl();
    html.open("script").nl().raw(SCRIPT).close().nl();
    html.close().nl();
    html.close().nl();
    return html.toString();
  }
}
