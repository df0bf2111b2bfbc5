package dev.interleave.scenarios.cli;

import dev.interleave.report.ReportRenderer;
import dev.interleave.scenarios.explore.ScenarioCatalog;
import dev.interleave.scenarios.explore.ScenarioRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs scenarios under the harness, prints a summary and writes the HTML report. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs scenarios under the harness and writes the HTML report.",
        "Exit 0 when every scenario met its declared expectation (an expected violation is"
            + " met when found), 1 otherwise, 2 on bad usage."})
final class RunCommand implements Callable<Integer> {
  /** The seed when none is given, so that equal arguments explore equal schedules. */
  static final long DEFAULT_SEED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "scenario ids (see 'list')")
  List<String> ids = new ArrayList<>();

  @Option(names = "--all", description = "run every scenario")
  boolean all;

  @Option(names = "--strategy", paramLabel = "STRATEGY",
      description = "random, pct, pos, exhaustive or stress (default: each scenario's own)")
  String strategy;

  @Option(names = "--schedules", paramLabel = "N",
      description = "schedules per scenario (default: each scenario's own budget)")
  Integer schedules;

  @Option(names = "--seed", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
  long seed = DEFAULT_SEED;

  @Option(names = "--report-dir", paramLabel = "DIR", description = "where the JSON and HTML"
      + " report go (default: reports/ in the working directory, or interleave-reports/ if"
      + " reports/ holds a pom.xml, as in Interleave's own repository)")
  Path reportDir;

  @Option(names = "--json", description = "print the summary as a JSON array instead of a table")
  boolean json;

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    if (all == !ids.isEmpty()) {
      throw new CommandLine.ParameterException(cmd,
          "give scenario ids or --all (one of them); scenarios: "
              + String.join(", ", ScenarioCatalog.ids()));
    }
    List<ScenarioCatalog.Entry> chosen = all ? ScenarioCatalog.ALL : Choices.scenarios(cmd, ids);
    ScenarioRunner.Settings settings = new ScenarioRunner.Settings(
        Choices.strategy(cmd, strategy), Choices.schedules(cmd, schedules), seed,
        (reportDir != null ? reportDir : defaultReportDir(Path.of(""))).toAbsolutePath(), null);
    PrintStream out = System.out;
    List<SummaryRow> rows = runAll(chosen, settings, out);
    Path index = render(settings.reportDir());
    if (json) {
      out.print(SummaryRow.json(rows));
    } else {
      out.print(SummaryRow.table(rows));
      rows.stream().filter(r -> r.replay() != null).forEach(r -> out.println("replay "
          + r.scenario() + ": interleave replay " + r.scenario() + " --replay " + r.replay()));
      out.println("report: " + index);
    }
    out.flush();
    return rows.stream().allMatch(SummaryRow::met) ? InterleaveCommand.MET
        : InterleaveCommand.UNMET;
  }

  /** {@code reports/} under {@code cwd}; {@code interleave-reports/} if that is a module. */
  static Path defaultReportDir(Path cwd) {
    Path reports = cwd.resolve("reports");
    return Files.exists(reports.resolve("pom.xml")) ? cwd.resolve("interleave-reports") : reports;
  }

  private static List<SummaryRow> runAll(List<ScenarioCatalog.Entry> chosen,
      ScenarioRunner.Settings settings, PrintStream out) throws IOException {
    Files.createDirectories(settings.reportDir());
    for (ScenarioCatalog.Entry e : ScenarioCatalog.ALL) { // the index shows this run only
      Files.deleteIfExists(settings.reportDir().resolve(ScenarioRunner.fileName(e)));
    }
    Progress progress = Progress.onStderr(chosen.size());
    ScenarioRunner runner = new ScenarioRunner();
    List<SummaryRow> rows = new ArrayList<>();
    System.setOut(System.err); // what scenarios print must not mix with the summary
    try {
      for (ScenarioCatalog.Entry e : chosen) {
        progress.starting(e.id());
        long start = System.nanoTime();
        SummaryRow row;
        try {
          row = SummaryRow.of(e.id(), runner.run(e, settings));
        } catch (IOException | RuntimeException ex) {
          ex.printStackTrace(); // on stderr: why the scenario broke, with what broke it
          row = SummaryRow.error(e.id(), settings.seed(), (System.nanoTime() - start) / 1_000_000,
              ex.getMessage());
        }
        rows.add(row);
        progress.finished(e.id(), row.verdict(), row.elapsedMillis());
      }
    } finally {
      System.setOut(out);
      progress.done();
    }
    return rows;
  }

  private static Path render(Path dir) throws IOException {
    ReportRenderer renderer = ReportRenderer.find(RunCommand.class.getClassLoader())
        .orElseThrow(() -> new IllegalStateException("no report renderer on the class path"));
    renderer.renderRun(dir);
    return dir.resolve("index.html");
  }

}
