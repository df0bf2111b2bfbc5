package dev.interleave.internal.harness;

import dev.interleave.internal.schedule.Decisions;
import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TraceStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pieces of the report shared by every finding: schedules, parameters, replay commands. */
final class ReportMapping {
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

  static String replayCommand(Counterexample c) {
    return "mvn test -Dinterleave.replay=" + c.replay().format();
  }

  static ScheduleTrace schedule(Trace t) {
    List<TraceStep> steps = new ArrayList<>();
    for (Step s : t.steps()) {
      steps.add(new TraceStep(s.index(), t.processes().get(s.process()), s.op(), s.object(),
          s.label(), s.site(), s.preemption(), s.index() == t.violationStep()));
    }
    return new ScheduleTrace(Decisions.format(t.decisions()), t.preemptions(), t.processes(),
        steps);
  }
}
