package dev.interleave.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The figures a fault test measured: printed, and appended to {@code target/fault-figures.txt}
 * (one line a test: the fault, the scale and what was measured), from which the README's table is
 * taken. Figures are reported, never asserted: the machine's load decides them.
 */
final class Figures {
  static final Path FILE = Path.of("target", "fault-figures.txt");

  private Figures() {}

  /** Records one line for {@code fault}. */
  static void report(String fault, String figure) {
    String line = fault + " [" + FaultSize.name() + "]: " + figure + System.lineSeparator();
    System.out.print("fault figure: " + line);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE, e);
    }
  }

  /** "median M ms, max X ms over N" for durations in nanoseconds. */
  static String millis(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return "none measured";
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
    return String.format(java.util.Locale.ROOT, "median %.1f ms, max %.1f ms over %d",
        median / 1e6, sorted.get(sorted.size() - 1) / 1e6, sorted.size());
  }
}
