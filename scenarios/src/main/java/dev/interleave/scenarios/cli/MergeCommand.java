package dev.interleave.scenarios.cli;

import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import dev.interleave.scenarios.explore.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Merges the report directories of {@code run --shard} runs into one report. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Merges the JSON reports of 'run --shard 1/N' ... 'N/N' (one directory"
        + " each) into one report, as if one machine had run them.",
        "Exit 0 when every test met its expectation, 1 otherwise, 2 on bad usage."})
final class MergeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "the shards' report directories")
  List<Path> dirs = new ArrayList<>();

  @CommandLine.Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    Path out = output.dir();
    for (Path d : dirs) {
      if (d.toAbsolutePath().normalize().equals(out)) {
        throw new CommandLine.ParameterException(cmd, "--report-dir must differ from every"
            + " DIR merged but was: " + d);
      }
    }
    List<TestReport> merged;
    try {
      merged = ShardMerge.merge(dirs);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
    Files.createDirectories(out);
    List<JunitXml.Case> cases = new ArrayList<>();
    for (TestReport r : merged) {
      ReportJson.write(r, out.resolve(ScenarioRunner.fileName(r.className(), r.methodName())));
      String id = r.scenarioId() != null ? r.scenarioId() : r.className() + "#" + r.methodName();
      cases.add(new JunitXml.Case(r.className(), r.methodName(), SummaryRow.of(id, r)));
    }
    return output.finish(cases);
  }
}
