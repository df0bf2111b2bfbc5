package dev.interleave.scenarios.cli;

import dev.interleave.report.FindingReport;
import dev.interleave.report.RunMode;
import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * One scenario's line of the summary.
 *
 * @param scenario the scenario id
 * @param verdict PASSED, INTERESTING, FAILED or ERROR, judged against {@code expected}
 * @param expected PASS or VIOLATION
 * @param schedules schedules explored
 * @param violations findings (the harness stops exploring at the first)
 * @param firstViolationAt the 1-based schedule of the first finding, or {@code null}
 * @param seed the seed
 * @param elapsedMillis wall-clock time
 * @param replay the replay token of the finding, or {@code null}
 * @param reason why the verdict is what it is
 * @param command the command that replays the finding, or {@code null}
 */
record SummaryRow(String scenario, String verdict, String expected, long schedules,
    int violations, Long firstViolationAt, long seed, long elapsedMillis, String replay,
    String reason, String command) {

  static SummaryRow of(String id, TestReport r) {
    FindingReport f = r.findings().isEmpty() ? null : r.findings().get(0);
    String token = f == null || r.mode() == RunMode.STRESS ? null : f.replay(); // stress: none
    return new SummaryRow(id, r.verdict().name(), r.expected().name(), r.schedulesExplored(),
        r.findings().size(), f == null ? null : f.firstAtSchedule(), r.seed(), r.elapsedMillis(),
        token, r.reason(), token == null ? null : f.replayCommand());
  }

  static SummaryRow error(String id, long seed, long millis, String why) {
    return new SummaryRow(id, Verdict.ERROR.name(), "?", 0, 0, null, seed, millis, null, why,
        null);
  }

  /** Whether the scenario met its declared expectation. */
  boolean met() {
    return verdict.equals(Verdict.PASSED.name()) || verdict.equals(Verdict.INTERESTING.name());
  }

  static String table(List<SummaryRow> rows) {
    int width = rows.stream().mapToInt(r -> r.scenario.length()).reduce(22, Math::max);
    String format = "%-" + width + "s %-11s %-9s %9s %10s %8s %8s%n";
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, format, "scenario",
        "verdict", "expected", "schedules", "violations", "first at", "time"));
    for (SummaryRow r : rows) {
      sb.append(String.format(Locale.ROOT, format, r.scenario, r.verdict, r.expected, r.schedules,
          r.violations, r.firstViolationAt == null ? "-" : r.firstViolationAt,
          String.format(Locale.ROOT, "%.1fs", r.elapsedMillis / 1000.0)));
    }
    long met = rows.stream().filter(SummaryRow::met).count();
    sb.append(met).append(" of ").append(rows.size()).append(" scenarios met their expectation")
        .append(System.lineSeparator());
    return sb.toString();
  }

  static String json(List<SummaryRow> rows) {
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < rows.size(); i++) {
      SummaryRow r = rows.get(i);
      sb.append("  {\"scenario\": ").append(quote(r.scenario))
          .append(", \"verdict\": ").append(quote(r.verdict))
          .append(", \"expected\": ").append(quote(r.expected))
          .append(", \"met\": ").append(r.met())
          .append(", \"schedules\": ").append(r.schedules)
          .append(", \"violations\": ").append(r.violations)
          .append(", \"firstViolationAt\": ").append(r.firstViolationAt)
          .append(", \"seed\": ").append(r.seed)
          .append(", \"replay\": ").append(r.replay == null ? "null" : quote(r.replay))
          .append(", \"elapsedMillis\": ").append(r.elapsedMillis)
          .append('}').append(i + 1 < rows.size() ? ",\n" : "\n");
    }
    return sb.append("]\n").toString();
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c)
            : String.valueOf(c));
      }
    }
    return sb.append('"').toString();
  }
}
