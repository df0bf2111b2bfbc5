package dev.interleave.reports.html;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds HTML (and inline SVG) text in which every value is escaped.
 *
 * <p>Tag and attribute names come from this module's code; attribute values and text are escaped on
 * the way in. Only {@link #raw} writes unescaped text, and only trusted markup from this module's
 * resources or from another {@code Html} goes through it.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(4096);
  private final Deque<String> open = new ArrayDeque<>();

  /** Escapes {@code &}, {@code <}, {@code >}, {@code "} and {@code '}; {@code null} is empty. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Opens {@code tag}; {@code attrs} alternate names and values, null values are left out. */
  Html open(String tag, String... attrs) {
    start(tag, attrs);
    out.append('>');
    open.push(tag);
    return this;
  }

  /** Closes the innermost open element. */
  Html close() {
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /** An element holding only escaped {@code text}. */
  Html element(String tag, Object text, String... attrs) {
    return open(tag, attrs).text(text).close();
  }

  /** An element without content, written {@code <tag/>} so it suits HTML void elements and SVG. */
  Html empty(String tag, String... attrs) {
    start(tag, attrs);
    out.append("/>");
    return this;
  }

  /** Escaped text; {@code null} writes nothing. */
  Html text(Object text) {
    out.append(escape(text == null ? null : text.toString()));
    return this;
  }

  /** Unescaped markup: only for this module's resources and other {@code Html} output. */
  Html raw(String trustedMarkup) {
    out.append(trustedMarkup);
    return this;
  }

  /** A line break, to keep the page source readable. */
  Html nl() {
    out.append('\n');
    return this;
  }

  /** The text written so far. */
  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return out.toString();
  }

  private void start(String tag, String... attrs) {
    if (attrs.length % 2 != 0) {
      throw new IllegalArgumentException(
          "attributes must be name/value pairs but were: " + attrs.length);
    }
    out.append('<').append(tag);
    for (int i = 0; i < attrs.length; i += 2) {
      if (attrs[i + 1] != null) {
        out.append(' ').append(attrs[i]).append("=\"").append(escape(attrs[i + 1])).append('"');
      }
    }
  }
}
