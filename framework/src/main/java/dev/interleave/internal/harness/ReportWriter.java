package dev.interleave.internal.harness;

import dev.interleave.harness.Expect;
import dev.interleave.report.Expectation;
import dev.interleave.report.FindingKind;
import dev.interleave.report.FindingReport;
import dev.interleave.report.Grade;
import dev.interleave.report.InvariantKind;
import dev.interleave.report.InvariantStats;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.ReportJson;
import dev.interleave.report.RunMode;
import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import dev.interleave.report.WaitForEdge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes one JSON report per harness test, as a {@link TestReport}, into the directory named
 * by {@code interleave.reports.dir} (default {@code target/interleave-reports}).
 */
final class ReportWriter {
  private ReportWriter() {}

  static Path write(ExtensionContext context, ScenarioSpec spec, Exploration e,
      Verdicts.Judgement j) {
    String className = context.getRequiredTestClass().getName();
    String method = context.getRequiredTestMethod().getName();
    TestReport report = report(className + "#" + method + "()", className, method,
        context.getParent().map(ExtensionContext::getDisplayName).orElse(method), spec, e, j);
    Path dir = Path.of(System.getProperty(ReportSessionListener.DIR_PROPERTY,
        ReportSessionListener.DEFAULT_DIR));
    Path file = dir.resolve(fileName(className, method));
    try {
      ReportJson.write(report, file);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write report " + file, ex);
    }
    return file;
  }

  static String fileName(String className, String method) {
    return (className + "." + method).replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }

  static TestReport report(String testId, String className, String method,
      String displayName, ScenarioSpec spec, Exploration e, Verdicts.Judgement j) {
    RunOptions o = e.options();
    RunMode mode = o.replay() != null ? RunMode.REPLAY
        : o.controlled() ? RunMode.CONTROLLED : RunMode.STRESS;
    return new TestReport(testId, className, method, displayName, spec.name(), mode,
        o.strategy().name().toLowerCase(Locale.ROOT), ReportMapping.strategyParams(o), o.seed(),
        Verdict.valueOf(j.verdict().name()),
        o.expect() == Expect.PASS ? Expectation.PASS : Expectation.VIOLATION, j.reason(),
        e.planned(), e.explored(), e.exhausted(), e.elapsedMillis(), invariants(e),
        outcomes(spec, e), e.failure() == null ? List.of() : List.of(finding(e.failure())));
  }

  private static List<InvariantStats> invariants(Exploration e) {
    List<InvariantStats> out = new ArrayList<>();
    for (Tally.Counts c : e.invariants()) {
      out.add(new InvariantStats(c.name(), c.state() ? InvariantKind.STATE : InvariantKind.FINAL,
          c.checks(), c.violations()));
    }
    return out;
  }

  private static List<OutcomeCount> outcomes(ScenarioSpec spec, Exploration e) {
    List<OutcomeCount> out = new ArrayList<>();
    e.outcomes().forEach((outcome, count) -> {
      ScenarioSpec.Graded g = spec.grade(outcome);
      out.add(new OutcomeCount(outcome, count, Grade.valueOf(g.grade().name()),
          g.description()));
    });
    return out;
  }

  private static FindingReport finding(Counterexample c) {
    Problem p = c.problem();
    List<WaitForEdge> waitFor = p.waitFor().stream()
        .map(w -> new WaitForEdge(w.process(), w.object(), w.heldBy())).toList();
    return new FindingReport(FindingKind.valueOf(p.kind().name()), p.summary(), p.invariant(),
        c.firstAt(), c.seed(), ReportMapping.replayCommand(c),
        ReportMapping.schedule(c.original().trace()), ReportMapping.schedule(c.shrunk().trace()),
        c.nearestPassing() == null ? null : ReportMapping.schedule(c.nearestPassing().trace()),
        waitFor, p.threadDump(), p.stackTrace());
  }
}
