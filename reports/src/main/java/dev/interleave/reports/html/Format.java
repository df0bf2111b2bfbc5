package dev.interleave.reports.html;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Locale-independent formatting of numbers, shares and durations. */
final class Format {
  /** Shown where a value is missing. */
  static final String NONE = "\u2014";

  private Format() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String percent(long part, long whole) {
    if (whole <= 0) {
      return NONE;
    }
    return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  static String millis(long ms) {
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %d s", ms / 60_000, ms % 60_000 / 1000);
  }

  /** One decimal at most, for SVG coordinates. */
  static String coord(double v) {
    long rounded = Math.round(v * 10);
    return rounded % 10 == 0
        ? Long.toString(rounded / 10)
        : String.format(Locale.ROOT, "%.1f", rounded / 10.0);
  }

  static String orNone(String text) {
    return text == null || text.isBlank() ? NONE : text;
  }

  static String lower(Enum<?> value) {
    return value == null ? NONE : value.name().toLowerCase(Locale.ROOT);
  }

  static String plural(long n, String singular) {
    return plural(n, singular, singular + "s");
  }

  static String plural(long n, String singular, String plural) {
    return count(n) + " " + (n == 1 ? singular : plural);
  }

  static String strategy(String strategy, Map<String, String> params) {
    String name = orNone(strategy);
    if (params.isEmpty()) {
      return name;
    }
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", name + " (", ")"));
  }

  /** An estimate of the width of {@code text} in pixels at the 12px SVG font. */
  static int textWidth(String text) {
    return (int) Math.ceil((text == null ? 0 : text.length()) * 7.2);
  }

  /** {@code text} cut to {@code max} characters, with an ellipsis if cut. */
  static String clip(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1) + "\u2026";
  }
}
