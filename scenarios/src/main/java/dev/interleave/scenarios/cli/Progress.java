package dev.interleave.scenarios.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on standard error: a bar redrawn in place on a terminal, else one line per finished
 * scenario. Progress moves one scenario at a time (the harness reports when a test ends).
 */
final class Progress {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private final boolean terminal;
  private final int total;
  private int done;

  private Progress(PrintStream err, boolean terminal, int total) {
    this.err = err;
    this.terminal = terminal;
    this.total = total;
  }

  static Progress onStderr(int total) {
    return new Progress(System.err, System.console() != null, total);
  }

  void starting(String id) {
    if (terminal) {
      int filled = total == 0 ? WIDTH : done * WIDTH / total;
      err.printf(Locale.ROOT, "\r[%s%s] %d/%d %-24s", "#".repeat(filled),
          "-".repeat(WIDTH - filled), done, total, id);
      err.flush();
    }
  }

  void finished(String id, String verdict, long millis) {
    done++;
    if (!terminal) {
      err.printf(Locale.ROOT, "[%d/%d] %s %s (%.1f s)%n", done, total, id, verdict,
          millis / 1000.0);
    }
  }

  void done() {
    if (terminal) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
    }
  }
}
