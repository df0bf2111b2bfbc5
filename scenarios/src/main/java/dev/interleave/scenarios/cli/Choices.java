package dev.interleave.scenarios.cli;

import dev.interleave.scenarios.explore.ScenarioCatalog;
import dev.interleave.scenarios.explore.ScenarioRunner;
import dev.interleave.scenarios.explore.TestSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Checks command-line values, naming the value and the valid choices when one is wrong. */
final class Choices {
  private static final Pattern SHARD = Pattern.compile("(\\d{1,9})/(\\d{1,9})");
  /** The strategies {@code --strategy} accepts. */
  static final List<String> STRATEGIES = List.of("random", "pct", "pos", "exhaustive", "stress");

  private Choices() {}

  static List<ScenarioCatalog.Entry> scenarios(CommandLine cmd, List<String> ids) {
    List<ScenarioCatalog.Entry> out = new ArrayList<>();
    for (String id : ids) {
      out.add(ScenarioCatalog.byId(id).orElseThrow(() -> new CommandLine.ParameterException(cmd,
          "unknown scenario: " + id + "; scenarios: " + String.join(", ",
              ScenarioCatalog.ids()))));
    }
    return out;
  }

  static String strategy(CommandLine cmd, String strategy) {
    if (strategy == null) {
      return null;
    }
    String s = strategy.toLowerCase(Locale.ROOT);
    if (!STRATEGIES.contains(s)) {
      throw new CommandLine.ParameterException(cmd, "unknown strategy: " + strategy
          + "; strategies: " + String.join(", ", STRATEGIES));
    }
    return s;
  }

  static Integer schedules(CommandLine cmd, Integer schedules) {
    if (schedules != null && schedules <= 0) {
      throw new CommandLine.ParameterException(cmd,
          "--schedules must be > 0 but was: " + schedules);
    }
    return schedules;
  }

  static String atLeast(CommandLine cmd, String option, int value, int min) {
    if (value < min) {
      throw new CommandLine.ParameterException(cmd, option + " must be >= " + min
          + " but was: " + value);
    }
    return Integer.toString(value);
  }

  static Duration time(CommandLine cmd, String time) {
    if (time == null) {
      return null;
    }
    Duration d = duration(time.trim());
    if (d == null || d.isNegative() || d.isZero()) {
      throw new CommandLine.ParameterException(cmd, "--time must be a duration > 0 such as 30s,"
          + " 10m, 2h, 500ms or PT1H30M but was: " + time);
    }
    return d;
  }

  static String shard(CommandLine cmd, String shard, String strategy) {
    Matcher m = SHARD.matcher(shard);
    if (!m.matches() || Integer.parseInt(m.group(1)) < 1
        || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
      throw new CommandLine.ParameterException(cmd, "--shard must be I/N with 1 <= I <= N,"
          + " such as 2/4, but was: " + shard);
    }
    if ("exhaustive".equals(strategy) && !m.group(2).equals("1")) {
      throw new CommandLine.ParameterException(cmd, "--shard cannot split an exhaustive search"
          + " (its schedules follow from the ones before) but was: " + shard
          + " with --strategy exhaustive");
    }
    return shard;
  }

  static List<ScenarioRunner.Target> selected(CommandLine cmd, TestSelection selection,
      List<String> selects, List<String> patterns) {
    try {
      return selection.select(selects, patterns);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h} or ISO-8601; null if none of them. */
  private static Duration duration(String text) {
    try {
      if (text.matches("\\d+ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      return Duration.parse(text.matches("\\d+[smh]") ? "PT" + text.toUpperCase(Locale.ROOT)
          : text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
