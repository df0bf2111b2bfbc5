package dev.interleave.scenarios.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** Helpers: the article's sleeps, and files that hold state the test JVM reads between steps. */
final class Files2 {
  private Files2() {}

  /**
   * The article's {@code sleep(seconds)}, scaled to 10 ms a second: under control time is
   * virtual and only the order of wake-ups matters; under stress the sleep is real and short.
   */
  static Duration articleSeconds(int seconds) {
    return Duration.ofMillis(10L * seconds);
  }

  static int readInt(Path file) {
    try {
      return Integer.parseInt(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long count(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void touch(Path file) {
    try {
      Files.writeString(file, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
