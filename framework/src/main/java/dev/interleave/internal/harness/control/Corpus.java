package dev.interleave.internal.harness.control;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.internal.harness.model.ReplayToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's regression corpus: the replay tokens of its failing schedules, one a line in
 * {@code <dir>/<fully.qualified.Class>#<method>.tokens} ({@code #} starts a comment), replayed
 * first on every run of the test. A token is added at most once, by writing the whole file
 * anew beside it and moving it into place, so a reader never sees half a file.
 */
public final class Corpus {
  /** The directory, relative to the working directory, unless {@link #KEY} names another. */
  static final String DEFAULT_DIR = "src/test/interleave";
  static final String KEY = InterleaveProperties.CORPUS;
  private static final Object WRITES = new Object();
  private final Path file;

  /** One saved token and the line it is on (from 1). */
  record Entry(int line, ReplayToken token) {}

  Corpus(Path file) {
    this.file = file;
  }

  /** The corpus of {@code context}'s test, or empty if {@link #KEY} is {@code none} or empty. */
  public static Optional<Corpus> of(ExtensionContext context) {
    String dir = context.getConfigurationParameter(KEY)
        .orElseGet(() -> System.getProperty(KEY, DEFAULT_DIR)).trim();
    if (dir.isEmpty() || dir.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Corpus(Path.of(dir).resolve(context.getRequiredTestClass().getName()
          + "#" + context.getRequiredTestMethod().getName() + ".tokens")));
    } catch (InvalidPathException e) {
      throw new ExtensionConfigurationException("configuration parameter " + KEY + " must be a"
          + " directory or none but was: " + dir, e);
    }
  }

  Path file() {
    return file;
  }

  /** The saved tokens; a line that does not parse is skipped with a warning on stderr. */
  List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    List<String> lines = lines();
    for (int i = 0; i < lines.size(); i++) {
      String text = content(lines.get(i));
      if (text.isEmpty()) {
        continue;
      }
      try {
        out.add(new Entry(i + 1, ReplayToken.parse(text)));
      } catch (RuntimeException e) {
        warn(i + 1, "is not a replay token (" + e.getMessage() + "); it is skipped");
      }
    }
    return out;
  }

  /** Adds {@code token} unless the file already holds it; creates the file if need be. */
  void save(ReplayToken token) {
    String text = token.format();
    synchronized (WRITES) {
      List<String> lines = new ArrayList<>(lines());
      if (lines.stream().map(Corpus::content).anyMatch(text::equals)) {
        return;
      }
      if (lines.isEmpty()) {
        lines.add("# Regression corpus of " + file.getFileName() + ": replay tokens of failing"
            + " schedules, replayed before exploring. Commit it; remove a line to drop a guard.");
      }
      lines.add(text);
      write(lines);
    }
  }

  /** Says on stderr that line {@code line} of the file {@code what}. */
  void warn(int line, String what) {
    System.err.println("interleave: WARNING: regression corpus " + file + ", line " + line + ", "
        + what);
  }

  private static String content(String line) {
    int hash = line.indexOf('#');
    return (hash < 0 ? line : line.substring(0, hash)).trim();
  }

  private List<String> lines() {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the regression corpus " + file, e);
    }
  }

  private void write(List<String> lines) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".tokens-", ".tmp");
      try {
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the regression corpus " + file, e);
    }
  }
}
