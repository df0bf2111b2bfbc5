package dev.interleave.scenarios.cli;

import dev.interleave.scenarios.explore.ScenarioCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** One line per scenario: its id, then what it shows. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists the scenarios: id, then a one-line description.")
final class ListCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    int width = ScenarioCatalog.ids().stream().mapToInt(String::length).max().orElse(0);
    for (ScenarioCatalog.Entry e : ScenarioCatalog.ALL) {
      System.out.printf("%-" + width + "s  %s%n", e.id(), e.description());
    }
    return InterleaveCommand.MET;
  }
}
