package dev.interleave.internal.harness.report;

import dev.interleave.harness.Expect;
import dev.interleave.harness.PctPlan;
import dev.interleave.internal.harness.control.Counterexample.Attempt;
import dev.interleave.internal.harness.control.Counterexample;
import dev.interleave.internal.harness.control.Exploration;
import dev.interleave.internal.harness.control.ScenarioSpec;
import dev.interleave.internal.harness.control.Shrinker;
import dev.interleave.internal.harness.control.Tally;
import dev.interleave.internal.harness.control.Verdicts;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.options.Budget;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.report.CrossCheckReport;
import dev.interleave.report.Expectation;
import dev.interleave.report.FindingReport;
import dev.interleave.report.InvariantKind;
import dev.interleave.report.InvariantStats;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.ReportJson;
import dev.interleave.report.RunMode;
import dev.interleave.report.TestReport;
import dev.interleave.report.WaitForEdge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes one JSON report per harness test, as a {@link TestReport}, into the directory named
 * by {@code interleave.reports.dir} (default {@code target/interleave-reports}).
 */
public final class ReportWriter {
  /** The configuration parameter naming the command line's scenario id, when it runs one. */
  static final String SCENARIO_ID = dev.interleave.harness.InterleaveProperties.SCENARIO_ID;

  private ReportWriter() {}

  public static Path write(ExtensionContext context, ScenarioSpec spec, Exploration e,
      Verdicts.Judgement j, CrossCheckReport crossCheck) {
    String className = context.getRequiredTestClass().getName();
    String method = context.getRequiredTestMethod().getName();
    String scenarioId = context.getConfigurationParameter(SCENARIO_ID).orElse(null);
    Naming naming = new Naming(className + "#" + method + "()", className, method,
        context.getParent().map(ExtensionContext::getDisplayName).orElse(method), scenarioId,
        context.getRequiredTestClass(), Budget.read(context, e.options()).params());
    TestReport report = report(naming, spec, e, j).withCrossCheck(crossCheck);
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

  public static String fileName(String className, String method) {
    return (className + "." + method).replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }

  /**
   * Who the report is about.
   *
   * @param scenarioId the command line's scenario id, or null
   * @param testClass the class declaring the test
   * @param budget the time budget and shard, listed with the strategy's parameters
   */
  record Naming(String testId, String className, String method, String displayName,
      String scenarioId, Class<?> testClass, Map<String, String> budget) {}

  static TestReport report(Naming n, ScenarioSpec spec, Exploration e, Verdicts.Judgement j) {
    RunOptions o = e.options();
    RunMode mode = o.replay() != null ? RunMode.REPLAY
        : o.controlled() ? RunMode.CONTROLLED : RunMode.STRESS;
    return new TestReport(n.testId(), n.className(), n.method(), n.displayName(), spec.name(),
        mode, o.strategy().name().toLowerCase(Locale.ROOT), params(e, n),
        o.seed(), j.verdict(),
        o.expect() == Expect.PASS ? Expectation.PASS : Expectation.VIOLATION, j.reason(),
        e.planned(), e.explored(), e.exhausted(), e.elapsedMillis(), invariants(e),
        outcomes(spec, e), e.failure() == null ? List.of() : List.of(finding(n, e.failure())),
        n.scenarioId(), RunEnvironments.now(System.currentTimeMillis() - e.elapsedMillis()));
  }

  /** The strategy parameter: steps the explored schedules took together (under control). */
  static final String STEPS_EXPLORED_PARAM = "stepsExplored";
  /** The strategy parameter: exhaustive search's reduction, when asked for. */
  static final String REDUCTION_PARAM = "reduction";
  /** The strategy parameter: schedules the reduction abandoned as equivalent. */
  static final String ABANDONED_PARAM = "abandonedAsEquivalent";

  private static Map<String, String> params(Exploration e, Naming n) {
    Map<String, String> m = new TreeMap<>(ReportMapping.strategyParams(e.options()));
    m.putAll(n.budget());
    e.pct().ifPresent(b -> { // what PCT measured, for the planner
      m.put(PctPlan.PROCESSES_PARAM, Integer.toString(b.processes()));
      m.put(PctPlan.STEPS_PARAM, Integer.toString(b.steps()));
    });
    if (e.options().controlled() && e.steps() > 0) {
      m.put(STEPS_EXPLORED_PARAM, Long.toString(e.steps()));
    }
    if (e.reduction() != null) {
      m.put(REDUCTION_PARAM, e.reduction().mode());
      m.put(ABANDONED_PARAM, Integer.toString(e.reduction().abandoned()));
    }
    return m;
  }

  private static List<InvariantStats> invariants(Exploration e) {
    List<InvariantStats> out = new ArrayList<>();
    for (Tally.Counts c : e.invariants()) {
      out.add(new InvariantStats(c.name(), c.state() ? InvariantKind.STATE : InvariantKind.FINAL,
          c.checks(), c.violations()));
    }
    return out;
  }

  /** Every declared outcome with its count, zero included, then the undeclared ones seen. */
  private static List<OutcomeCount> outcomes(ScenarioSpec spec, Exploration e) {
    List<OutcomeCount> out = new ArrayList<>();
    spec.declared().forEach((outcome, g) -> out.add(new OutcomeCount(outcome,
        e.outcomes().getOrDefault(outcome, 0L), g.grade(),
        g.description())));
    e.outcomes().forEach((outcome, count) -> {
      if (!spec.declared().containsKey(outcome)) {
        ScenarioSpec.Graded g = spec.grade(outcome);
        out.add(new OutcomeCount(outcome, count, g.grade(),
            g.description()));
      }
    });
    return out;
  }

  private static FindingReport finding(Naming n, Counterexample c) {
    Problem p = c.problem();
    List<WaitForEdge> waitFor = p.waitFor().stream()
        .map(w -> new WaitForEdge(w.process(), w.object(), w.heldBy())).toList();
    Set<String> stuck = p.waitFor().stream().map(Problem.WaitEdge::process)
        .collect(Collectors.toSet());
    String token = c.replay().format();
    String cli = n.scenarioId() == null ? null
        : ReportMapping.cliReplayCommand(n.scenarioId(), token);
    String maven = ReportMapping.mavenReplayCommand(n.testClass(), n.method(), token);
    Attempt near = c.nearestPassing();
    List<String> kills = c.shrunk().trace().kills(); // "Process-2 killed (injected) at step 7"
    String summary = kills.isEmpty() ? p.summary()
        : p.summary() + " (" + String.join("; ", kills) + ")";
    return new FindingReport(p.kind(), summary, p.invariant(),
        c.firstAt(), c.seed(), cli != null && !fromTestClasses(n.testClass()) ? cli : maven,
        ReportMapping.schedule(c.original(), stuck), ReportMapping.schedule(c.shrunk(), stuck),
        near == null ? null : ReportMapping.schedule(near, Set.of()), waitFor, p.threadDump(),
        p.stackTrace(), token, cli,
        near == null ? null : Shrinker.changes(c.shrunk().trace(), near.trace()),
        p.observed());
  }

  /** Whether {@code type} was loaded from a test-classes directory, which Surefire runs. */
  static boolean fromTestClasses(Class<?> type) {
    java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation().toString().contains("test-classes");
  }
}
