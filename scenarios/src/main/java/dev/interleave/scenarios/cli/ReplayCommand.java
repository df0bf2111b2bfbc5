package dev.interleave.scenarios.cli;

import dev.interleave.report.FindingReport;
import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TestReport;
import dev.interleave.report.TraceStep;
import dev.interleave.scenarios.explore.ScenarioRunner;
import dev.interleave.scenarios.explore.ScenarioRunner.Target;
import dev.interleave.scenarios.explore.TestSelection;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Re-executes one recorded schedule of a scenario and prints its trace. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Re-executes one schedule of a scenario or of a test on a class path and"
        + " prints its trace step by step.",
        "Exit 0 if the replayed schedule meets the scenario's expectation, 1 if not."})
final class ReplayCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID",
      description = "the scenario id, or CLASS#METHOD of a test on --class-path or --project")
  String id;

  @CommandLine.Mixin ClassPathOptions where;

  @Option(names = "--replay", required = true, paramLabel = "TOKEN",
      description = "the replay token printed by 'run' (or a hand-written"
          + " <seed>:<decisions>[:<draws>])")
  String token;

  @Option(names = "--seed", paramLabel = "S",
      description = "the seed, if the token does not start with one")
  Long seed;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    String full = token.contains(":") ? token : seed == null ? null : seed + ":" + token;
    if (full == null) {
      throw new CommandLine.ParameterException(cmd, "--replay " + token
          + " has no seed: give <seed>:<decisions> or --seed");
    }
    long s = Long.parseLong(full.substring(0, full.indexOf(':')));
    Path dir = Files.createTempDirectory("interleave-replay-");
    PrintStream out = System.out;
    TestReport report;
    try (TestSelection selection = where.given()
        ? new TestSelection(where.resolve(cmd, "a test's CLASS#METHOD")) : null) {
      Target target = selection == null ? Target.of(Choices.scenarios(cmd, List.of(id)).get(0))
          : Choices.selected(cmd, selection, List.of(id), List.of()).get(0);
      System.setOut(System.err);
      try (ScenarioRunner runner = new ScenarioRunner()) {
        report = runner.run(target, new ScenarioRunner.Settings(null, null, s, dir, full), null);
      }
    } finally {
      System.setOut(out);
      deleteTree(dir);
    }
    out.println("replay " + id + " " + full + ": " + report.verdict() + " ("
        + report.reason() + ")");
    if (report.findings().isEmpty()) {
      out.println("the schedule ran to its end without a finding (the harness records no trace"
          + " of a passing schedule)");
    } else {
      FindingReport f = report.findings().get(0);
      out.println(f.summary());
      print(out, f.original());
    }
    return report.verdict().name().equals("PASSED") || report.verdict().name()
        .equals("INTERESTING") ? InterleaveCommand.MET : InterleaveCommand.UNMET;
  }

  static void print(PrintStream out, ScheduleTrace trace) {
    if (trace == null) {
      return;
    }
    for (TraceStep st : trace.steps()) {
      out.printf(Locale.ROOT, "%5d %s %-10s %s%s%s%s%s%n", st.index(),
          st.preemption() ? "*" : " ", st.process(), st.op(),
          st.object() == null ? "" : " " + st.object(),
          st.label() == null ? "" : " '" + st.label() + "'",
          st.site() == null ? "" : "  at " + st.site(),
          st.violation() ? "  <- violated" : "");
    }
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
