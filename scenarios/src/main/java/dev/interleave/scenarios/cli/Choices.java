package dev.interleave.scenarios.cli;

import dev.interleave.scenarios.explore.ScenarioCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** Checks command-line values, naming the value and the valid choices when one is wrong. */
final class Choices {
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
}
