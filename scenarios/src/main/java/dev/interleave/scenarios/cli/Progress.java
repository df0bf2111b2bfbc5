package dev.interleave.scenarios.cli;

import dev.interleave.harness.ProgressEntries;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Progress on standard error. On a terminal one line redrawn in place: the running test, its
 * schedules done (of its count, or its time spent of its time budget), schedules per second,
 * findings so far and the time left. Otherwise (a CI log) the same as a line every {@value
 * #LOG_SECONDS} seconds per running test, and one line per finished test. The harness publishes
 * a test's progress as report entries (see {@code InterleaveProperties.PROGRESS}).
 */
final class Progress {
  /** Seconds between progress lines when standard error is not a terminal. */
  static final int LOG_SECONDS = 5;
  private static final int WIDTH = 100;
  private final PrintStream err;
  private final boolean terminal;
  private final int total;
  private final long intervalNanos;
  private int done;
  private String running = "";
  private long lastLine;

  Progress(PrintStream err, boolean terminal, int total, long intervalNanos) {
    this.err = err;
    this.terminal = terminal;
    this.total = total;
    this.intervalNanos = intervalNanos;
  }

  static Progress onStderr(int total) {
    return new Progress(System.err, terminal(), total, TimeUnit.SECONDS.toNanos(LOG_SECONDS));
  }

  /** Whether this JVM talks to a terminal; on Java 22+ a console exists even when redirected. */
  private static boolean terminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // before Java 22 a console is a terminal
    }
  }

  void starting(String id) {
    running = id;
    lastLine = System.nanoTime();
    if (terminal) {
      redraw(String.format(Locale.ROOT, "[%d/%d] %s", done + 1, total, id));
    }
  }

  /** A harness progress entry of the running test (keys as {@code ProgressReporter} has them). */
  synchronized void tick(Map<String, String> entry) {
    if (!entry.containsKey(ProgressEntries.EXPLORED)) {
      return;
    }
    String line = String.format(Locale.ROOT, "[%d/%d] %s %s", done + 1, total, running,
        describe(entry));
    long now = System.nanoTime();
    if (terminal) {
      redraw(line);
    } else if (now - lastLine >= intervalNanos) {
      lastLine = now;
      err.println(line);
    }
  }

  /** {@code 120/1000 schedules, 35.2/s, 0 findings, ETA 25 s} from a progress entry. */
  static String describe(Map<String, String> e) {
    long explored = Long.parseLong(e.get(ProgressEntries.EXPLORED));
    long elapsed = Long.parseLong(e.get(ProgressEntries.ELAPSED_MILLIS));
    String planned = e.get(ProgressEntries.PLANNED);
    String budget = e.get(ProgressEntries.BUDGET_MILLIS);
    double rate = elapsed == 0 ? 0 : explored * 1000.0 / elapsed;
    StringBuilder sb = new StringBuilder();
    Double etaSeconds = null;
    if (planned != null) {
      long p = Long.parseLong(planned);
      sb.append(explored).append('/').append(p).append(" schedules");
      etaSeconds = rate == 0 ? null : (p - explored) / rate;
    } else {
      sb.append(explored).append(" schedules");
    }
    if (budget != null) {
      long b = Long.parseLong(budget);
      sb.append(String.format(Locale.ROOT, ", %.1f/%.1f s", elapsed / 1000.0, b / 1000.0));
      double left = Math.max(0, b - elapsed) / 1000.0;
      etaSeconds = etaSeconds == null ? left : Math.min(etaSeconds, left);
    }
    sb.append(String.format(Locale.ROOT, ", %.1f/s, %s findings", rate,
        e.get(ProgressEntries.FINDINGS)));
    if (etaSeconds != null) {
      sb.append(String.format(Locale.ROOT, ", ETA %.0f s", etaSeconds));
    }
    return sb.toString();
  }

  synchronized void finished(String id, String verdict, long millis) {
    done++;
    if (!terminal) {
      err.printf(Locale.ROOT, "[%d/%d] %s %s (%.1f s)%n", done, total, id, verdict,
          millis / 1000.0);
    }
  }

  void done() {
    if (terminal) {
      err.print("\r" + " ".repeat(WIDTH) + "\r");
      err.flush();
    }
  }

  private void redraw(String line) {
    String shown = line.length() > WIDTH ? line.substring(0, WIDTH) : line;
    err.print("\r" + shown + " ".repeat(WIDTH - shown.length()));
    err.flush();
  }
}
