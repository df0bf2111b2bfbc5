package dev.interleave.reports.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a headless-capable Chromium and its WebDriver on this machine: Debian's {@code chromium}
 * and {@code chromium-driver} packages (installed by {@code .ci/run} when missing), or the same
 * programs under other usual names. {@code CHROME_BIN} and {@code CHROMEDRIVER} override.
 */
final class Chromium {
  private static final List<String> BROWSERS =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  private static final List<String> DRIVERS = List.of("chromedriver");
  private static final List<Path> DRIVER_DIRS = List.of(Path.of("/usr/lib/chromium"));

  /**
   * Both programs.
   *
   * @param browser the browser executable
   * @param driver the WebDriver executable
   */
  record Install(Path browser, Path driver) {}

  private Chromium() {}

  /** The installation, or empty if the browser or its driver is absent. */
  static Optional<Install> find() {
    Optional<Path> browser = override("CHROME_BIN").or(() -> onPath(BROWSERS, List.of()));
    Optional<Path> driver = override("CHROMEDRIVER").or(() -> onPath(DRIVERS, DRIVER_DIRS));
    return browser.isPresent() && driver.isPresent()
        ? Optional.of(new Install(browser.get(), driver.get())) : Optional.empty();
  }

  /** Why {@link #find()} found nothing, for the skip message. */
  static String missing() {
    return "no Chromium with chromedriver on this machine (looked for " + BROWSERS + " and "
        + DRIVERS + " on PATH and in " + DRIVER_DIRS + "); install Debian's chromium and"
        + " chromium-driver, as .ci/run does";
  }

  private static Optional<Path> override(String variable) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? Optional.empty()
        : Optional.of(Path.of(value)).filter(Files::isExecutable);
  }

  private static Optional<Path> onPath(List<String> names, List<Path> extraDirs) {
    String path = System.getenv().getOrDefault("PATH", "");
    Stream<Path> dirs = Stream.concat(
        Stream.of(path.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of),
        extraDirs.stream());
    List<Path> all = dirs.toList();
    for (String name : names) {
      for (Path dir : all) {
        Path candidate = dir.resolve(name);
        if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
