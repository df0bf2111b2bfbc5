package dev.interleave.scenarios.cli;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.scenarios.explore.ScenarioCatalog;
import dev.interleave.scenarios.explore.ScenarioRunner;
import dev.interleave.scenarios.explore.ScenarioRunner.Target;
import dev.interleave.scenarios.explore.TestSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs scenarios and a user's harness tests, prints a summary and writes the reports. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs scenarios and @InterleaveTest methods on a class path under the"
        + " harness and writes the HTML report and JUnit XML.",
        "Exit 0 when every test met its declared expectation (an expected violation is"
            + " met when found), 1 otherwise, 2 on bad usage."})
final class RunCommand implements Callable<Integer> {
  /** The seed when none is given, so that equal arguments explore equal schedules. */
  static final long DEFAULT_SEED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "scenario ids (see 'list')")
  List<String> ids = new ArrayList<>();

  @Option(names = "--all", description = "run every scenario")
  boolean all;

  @CommandLine.Mixin ClassPathOptions where;

  @Option(names = "--select", paramLabel = "CLASS[#METHOD]",
      description = "a test class or method on the class path (repeatable)")
  List<String> selects = new ArrayList<>();

  @Option(names = "--tests", paramLabel = "REGEX", description = "the @InterleaveTest methods"
      + " whose class name or CLASS#METHOD the expression matches in full (repeatable)")
  List<String> patterns = new ArrayList<>();

  @Option(names = "--strategy", paramLabel = "STRATEGY",
      description = "random, pct, pos, exhaustive or stress (default: each test's own)")
  String strategy;

  @Option(names = "--schedules", paramLabel = "N",
      description = "schedules per test (default: each test's own budget)")
  Integer schedules;

  @Option(names = "--time", paramLabel = "DURATION", description = "explore for this long in"
      + " all (30s, 10m, 2h, PT1H): each test gets the time left over the tests left")
  String time;

  @Option(names = "--seed", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
  long seed = DEFAULT_SEED;

  @Option(names = "--depth", paramLabel = "D", description = "PCT depth (default: each test's)")
  Integer depth;

  @Option(names = "--bound", paramLabel = "B",
      description = "exhaustive search's preemption bound (default: each test's)")
  Integer bound;

  @Option(names = "--no-reduce", description = "exhaustive search explores every schedule"
      + " within the bound, not one per class of equivalent schedules")
  boolean noReduce;

  @Option(names = "--crashes", paramLabel = "N", description = "crash injection: each"
      + " schedule may kill -9 up to N processes at scheduling points (default: each test's)")
  Integer crashes;

  @Option(names = "--cross-check", paramLabel = "N", description = "stress against control:"
      + " after each controlled test's exploration, N runs under stress, outcome sets compared"
      + " (default: each test's)")
  Integer crossCheck;

  @Option(names = "--shard", paramLabel = "I/N", description = "explore schedules I, I+N,"
      + " I+2N, ... only; 'merge' joins the N shards' report directories")
  String shard;

  @CommandLine.Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    boolean user = !selects.isEmpty() || !patterns.isEmpty();
    if (all == !ids.isEmpty() && !(user && !all)) {
      throw new CommandLine.ParameterException(cmd, "give scenario ids, --all, --select or"
          + " --tests; scenarios: " + String.join(", ", ScenarioCatalog.ids()));
    }
    Duration budget = Choices.time(cmd, time);
    ScenarioRunner.Settings settings = settings(cmd);
    try (TestSelection selection = user ? new TestSelection(where.resolve(cmd,
        "--select and --tests")) : null) {
      List<Target> targets = new ArrayList<>();
      (all ? ScenarioCatalog.ALL : Choices.scenarios(cmd, ids)).forEach(e ->
          targets.add(Target.of(e)));
      if (selection != null) {
        targets.addAll(Choices.selected(cmd, selection, selects, patterns));
      }
      clear(settings.reportDir(), targets);
      return output.finish(TargetRuns.run(targets, settings, budget));
    }
  }

  private ScenarioRunner.Settings settings(CommandLine cmd) {
    ScenarioRunner.Settings s = new ScenarioRunner.Settings(Choices.strategy(cmd, strategy),
        Choices.schedules(cmd, schedules), seed, output.dir(), null);
    if (depth != null) {
      s = s.with(InterleaveProperties.PCT_DEPTH, Choices.atLeast(cmd, "--depth", depth, 1));
    }
    if (bound != null) {
      s = s.with(InterleaveProperties.PREEMPTION_BOUND, Choices.atLeast(cmd, "--bound", bound,
          0));
    }
    if (noReduce) {
      s = s.with(InterleaveProperties.REDUCE, "false");
    }
    if (crashes != null) {
      s = s.with(InterleaveProperties.CRASHES, Choices.atLeast(cmd, "--crashes", crashes, 0));
    }
    if (crossCheck != null) {
      s = s.with(InterleaveProperties.CROSS_CHECK, Choices.atLeast(cmd, "--cross-check",
          crossCheck, 0));
    }
    if (shard != null) {
      s = s.with(InterleaveProperties.SHARD, Choices.shard(cmd, shard, s.strategy()));
    }
    return s;
  }

  /** {@code reports/} under {@code cwd}; {@code interleave-reports/} if that is a module. */
  static Path defaultReportDir(Path cwd) {
    return OutputOptions.defaultReportDir(cwd);
  }

  /** Deletes the scenarios' and the targets' old reports: the index shows this run only. */
  private static void clear(Path dir, List<Target> targets) throws IOException {
    Files.createDirectories(dir);
    for (ScenarioCatalog.Entry e : ScenarioCatalog.ALL) {
      Files.deleteIfExists(dir.resolve(ScenarioRunner.fileName(e)));
    }
    for (Target t : targets) {
      Files.deleteIfExists(dir.resolve(t.fileName()));
    }
  }
}
