package dev.interleave.internal.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  static Map<String, Object> schedule(Trace t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decisions", dev.interleave.internal.schedule.Decisions.format(t.decisions()));
    m.put("preemptions", t.preemptions());
    m.put("processes", t.processes());
    List<Object> steps = new ArrayList<>();
    for (Step s : t.steps()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("index", s.index());
      step.put("process", t.processes().get(s.process()));
      step.put("op", s.op());
      step.put("object", s.object());
      step.put("label", s.label());
      step.put("site", s.site());
      step.put("preemption", s.preemption());
      step.put("violation", s.index() == t.violationStep());
      steps.add(step);
    }
    m.put("steps", steps);
    return m;
  }
}
