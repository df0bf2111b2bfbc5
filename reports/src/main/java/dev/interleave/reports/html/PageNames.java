package dev.interleave.reports.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Safe, stable file names for test pages.
 *
 * <p>A name keeps the letters, digits, dots and dashes of the test id (other runs of characters
 * become one {@code _}), cut to {@value #MAX_STEM} characters, then adds a short hash of the whole
 * id so that ids differing only in dropped characters still get different pages.
 */
final class PageNames {
  static final int MAX_STEM = 64;

  private PageNames() {}

  static String forTestId(String testId) {
    String stem = testId.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^[._]+|_+$", "");
    if (stem.length() > MAX_STEM) {
      stem = stem.substring(0, MAX_STEM);
    }
    return (stem.isEmpty() ? "test" : stem) + "-" + hash(testId);
  }

  /** A page name for {@code testId} not yet in {@code taken}, which it is added to. */
  static String unique(String testId, Set<String> taken) {
    String base = forTestId(testId);
    String name = base + ".html";
    for (int n = 2; !taken.add(name); n++) {
      name = base + "-" + n + ".html";
    }
    return name;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
