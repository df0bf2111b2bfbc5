package dev.interleave.internal.harness.options;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.ProgressEntries;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Publishes an exploration's progress as JUnit report entries, at most once per interval
 * ({@value InterleaveProperties#PROGRESS} in milliseconds; none when unset), so that a launcher
 * listener can show schedules done, findings and time per running test. Entry keys: {@link
 * ProgressEntries}.
 */
public final class ProgressReporter {
  static final String EXPLORED = ProgressEntries.EXPLORED;
  static final String PLANNED = ProgressEntries.PLANNED;
  static final String FINDINGS = ProgressEntries.FINDINGS;
  static final String ELAPSED = ProgressEntries.ELAPSED_MILLIS;
  static final String BUDGET = ProgressEntries.BUDGET_MILLIS;
  /** Reports nothing. */
  public static final ProgressReporter NONE = new ProgressReporter(m -> { }, Long.MAX_VALUE);

  private final Consumer<Map<String, String>> sink;
  private final long intervalNanos;
  private long last = Long.MIN_VALUE;

  ProgressReporter(Consumer<Map<String, String>> sink, long intervalNanos) {
    this.sink = sink;
    this.intervalNanos = intervalNanos;
  }

  /** Publishes to {@code context} if {@value InterleaveProperties#PROGRESS} asks for it. */
  public static ProgressReporter of(ExtensionContext context) {
    Long millis = new Overrides(context).value(InterleaveProperties.PROGRESS, "progress", null,
        Long::valueOf, "a long", "> 0", v -> v == null || v > 0);
    return millis == null ? NONE
        : new ProgressReporter(context::publishReportEntry, millis * 1_000_000);
  }

  /**
   * Called after each schedule.
   *
   * @param planned the schedules this run may take, or -1 when time decides
   * @param budget the time budget, or null
   */
  public void schedule(int explored, int planned, int findings, long elapsedNanos,
      java.time.Duration budget) {
    if (this == NONE || explored > 1 && elapsedNanos - last < intervalNanos) {
      return;
    }
    last = elapsedNanos;
    Map<String, String> m = new LinkedHashMap<>();
    m.put(EXPLORED, Integer.toString(explored));
    if (planned >= 0) {
      m.put(PLANNED, Integer.toString(planned));
    }
    m.put(FINDINGS, Integer.toString(findings));
    m.put(ELAPSED, Long.toString(elapsedNanos / 1_000_000));
    if (budget != null) {
      m.put(BUDGET, Long.toString(budget.toMillis()));
    }
    sink.accept(m);
  }
}
