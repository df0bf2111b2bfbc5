package dev.interleave.scenarios.cli;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Mode;
import dev.interleave.harness.PctPlan;
import dev.interleave.report.TestReport;
import dev.interleave.scenarios.explore.ScenarioRunner;
import dev.interleave.scenarios.explore.ScenarioRunner.Target;
import dev.interleave.scenarios.explore.TestSelection;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Measures a scenario's size with a few PCT schedules and prints how many schedules PCT needs
 * to miss a bug of the given depth with at most the given probability ({@link PctPlan}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs a few PCT schedules of a scenario (or of a test on a class path) to"
        + " measure its processes n and steps k, then prints PCT's bound p >= 1/(n k^(d-1)) per"
        + " schedule and the schedules needed to miss a depth-d bug with probability <= P.",
        "Exit 0 when the plan is printed, 1 if the runs measured nothing, 2 on bad usage."})
final class PlanCommand implements Callable<Integer> {
  /** The PCT schedules that measure n and k when {@code --schedules} is not given. */
  static final int MEASURING_SCHEDULES = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID",
      description = "the scenario id, or CLASS#METHOD of a test on --class-path or --project")
  String id;

  @CommandLine.Mixin ClassPathOptions where;

  @Option(names = "--miss", paramLabel = "P", description = "the target probability of missing"
      + " a depth-d bug, in (0, 1) (default: ${DEFAULT-VALUE})")
  double miss = 0.01;

  @Option(names = "--depth", paramLabel = "D", description = "the bug depth d (default: the"
      + " test's PCT depth)")
  Integer depth;

  @Option(names = "--schedules", paramLabel = "N", description = "PCT schedules that measure"
      + " n and k (default: ${DEFAULT-VALUE})")
  int schedules = MEASURING_SCHEDULES;

  @Option(names = "--seed", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
  long seed = RunCommand.DEFAULT_SEED;

  /** Whether to print the {@code run} command of the plan: a catalog scenario under control. */
  private boolean runLine;

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    if (!(miss > 0 && miss < 1)) {
      throw new CommandLine.ParameterException(cmd, "--miss must be a probability in (0, 1),"
          + " such as 0.01, but was: " + miss);
    }
    Choices.schedules(cmd, schedules);
    Path dir = Files.createTempDirectory("interleave-plan-");
    TestReport report;
    try (TestSelection selection = where.given()
        ? new TestSelection(where.resolve(cmd, "a test's CLASS#METHOD")) : null) {
      Target target = selection == null ? Target.of(Choices.scenarios(cmd, List.of(id)).get(0))
          : Choices.selected(cmd, selection, List.of(id), List.of()).get(0);
      report = measure(target, settings(cmd, dir));
      runLine = selection == null && controlled(target);
    } finally {
      ReplayCommand.deleteTree(dir);
    }
    return print(report, PctPlan.measured(report));
  }

  /** Whether the test runs under control unless told otherwise, so that {@code run} plans it. */
  private static boolean controlled(Target target) {
    try {
      for (Method m : Class.forName(target.className(), false, target.loader())
          .getDeclaredMethods()) {
        InterleaveTest a = m.getAnnotation(InterleaveTest.class);
        if (m.getName().equals(target.method()) && a != null) {
          return a.mode() == Mode.CONTROLLED;
        }
      }
      return false;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** PCT under control, every planned schedule run (none stops the run), none shrunk. */
  private ScenarioRunner.Settings settings(CommandLine cmd, Path dir) {
    ScenarioRunner.Settings s = new ScenarioRunner.Settings("pct", schedules, seed, dir, null)
        .with(InterleaveProperties.MODE, "controlled")
        .with(InterleaveProperties.STOP_AT_FIRST, "false")
        .with(InterleaveProperties.SHRINK, "false");
    return depth == null ? s
        : s.with(InterleaveProperties.PCT_DEPTH, Choices.atLeast(cmd, "--depth", depth, 1));
  }

  private static TestReport measure(Target target, ScenarioRunner.Settings settings)
      throws IOException {
    PrintStream out = System.out;
    System.setOut(System.err); // what the test prints must not mix with the plan
    try (ScenarioRunner runner = new ScenarioRunner()) {
      return runner.run(target, settings, null);
    } finally {
      System.setOut(out);
    }
  }

  private Integer print(TestReport report, Optional<PctPlan> plan) {
    if (plan.isEmpty()) {
      System.err.println(id + ": the PCT runs measured no schedule (" + report.verdict() + ": "
          + report.reason() + ")");
      return InterleaveCommand.UNMET;
    }
    PctPlan p = plan.get();
    long needed = p.schedulesFor(miss);
    System.out.println(id + ": " + p.describe(miss));
    System.out.println("measured over " + report.schedulesExplored() + " PCT schedules (seed "
        + seed + "); k is the most steps one took, so a longer schedule raises it");
    if (needed != Long.MAX_VALUE && runLine) {
      System.out.println("run: interleave run " + id + " --strategy pct --depth " + p.depth()
          + " --schedules " + needed);
    }
    return InterleaveCommand.MET;
  }
}
