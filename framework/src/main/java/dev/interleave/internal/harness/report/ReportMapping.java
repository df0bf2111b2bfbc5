package dev.interleave.internal.harness.report;

import dev.interleave.internal.harness.control.Counterexample.Attempt;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.internal.schedule.Decisions;
import dev.interleave.report.DrawnInput;
import dev.interleave.report.FindingKind;
import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TraceStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Pieces of the report shared by every finding: schedules, parameters, replay commands. */
final class ReportMapping {
  /** The replay system property, as the replay commands set it. */
  static final String REPLAY_PROPERTY = dev.interleave.harness.InterleaveProperties.REPLAY;

  private ReportMapping() {}

  static Map<String, String> strategyParams(RunOptions o) {
    Map<String, String> m = new TreeMap<>();
    switch (o.strategy()) {
      case PCT -> m.put("depth", Integer.toString(o.pctDepth()));
      case EXHAUSTIVE -> m.put("preemptionBound", Integer.toString(o.preemptionBound()));
      default -> { }
    }
    m.put("timeoutMillis", Long.toString(o.timeoutMillis()));
    return m;
  }

  /**
   * The Maven command that replays {@code token} in test {@code method} of {@code testClass}
   * alone, naming the module when the tests run in a module of a multi-module build.
   */
  static String mavenReplayCommand(Class<?> testClass, String method, String token) {
    String module = module(Path.of("").toAbsolutePath());
    String where = module == null ? "mvn test"
        : "mvn -pl " + module + " -am test -Dsurefire.failIfNoSpecifiedTests=false";
    String name = testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1);
    String test = "-Dtest=" + name + "#" + method;
    return where + " " + (name.contains("$") ? "'" + test + "'" : test) + " -D" + REPLAY_PROPERTY
        + "=" + token;
  }

  /** The command line's replay command for scenario {@code id}. */
  static String cliReplayCommand(String id, String token) {
    return "interleave replay " + id + " --replay " + token;
  }

  /** The directory name of {@code dir} if it is a module below a parent pom, else null. */
  static String module(Path dir) {
    Path parent = dir.getParent();
    if (parent == null || !Files.exists(dir.resolve("pom.xml"))
        || !Files.exists(parent.resolve("pom.xml"))) {
      return null;
    }
    return dir.getFileName().toString();
  }

  static ScheduleTrace schedule(Attempt a, Set<String> stuck) {
    Trace t = a.trace();
    Problem p = a.result().problem();
    boolean complete = t.violationStep() < 0 && (p == null
        || (p.kind() != FindingKind.HANG && p.kind() != FindingKind.DIVERGENCE));
    StepCauses causes = StepCauses.of(t, stuck, complete);
    List<TraceStep> steps = new ArrayList<>();
    for (Step s : t.steps()) {
      steps.add(new TraceStep(s.index(), t.processes().get(s.process()), s.op(), s.object(),
          s.label(), s.site(), s.preemption(), s.index() == t.violationStep(),
          causes.kinds[s.index()], causes.causes[s.index()]));
    }
    List<DrawnInput> inputs = a.result().inputs().stream()
        .map(in -> new DrawnInput(in[0], in[1])).toList();
    return new ScheduleTrace(Decisions.format(t.decisions()), t.preemptions(), t.processes(),
        steps, inputs, a.result().outcome(), a.result().output());
  }
}
