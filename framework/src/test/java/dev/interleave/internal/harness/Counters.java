package dev.interleave.internal.harness;

import dev.interleave.harness.Interleave;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The article's counter (section 4.1) without a lock: read, decrement, write back. */
final class Counters {
  private Counters() {}

  static void decrement(Path file) throws IOException {
    Interleave.point("read num.txt");
    int n = read(file);
    Interleave.point("write num.txt");
    Files.writeString(file, Integer.toString(n - 1));
  }

  static int read(Path file) {
    try {
      return Integer.parseInt(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
