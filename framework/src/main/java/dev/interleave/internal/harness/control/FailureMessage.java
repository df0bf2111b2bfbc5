package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.internal.harness.options.OptionsReader;
import dev.interleave.report.FindingKind;
import java.util.List;

/** The text of a {@code RaceDetectedError}: finding, schedule, seed, replay. */
final class FailureMessage {
  private FailureMessage() {}

  static String of(Exploration e, Counterexample c) {
    StringBuilder sb = new StringBuilder(Findings.headline(c.problem())).append('\n');
    sb.append("  found at schedule ").append(c.firstAt()).append(" of ").append(e.planned())
        .append(" (").append(OptionsReader.describe(e.options())).append(")\n");
    if (e.explored() > c.firstAt()) {
      sb.append("  kept exploring: ").append(e.failing()).append(" of ").append(e.explored())
          .append(" schedules failed").append(e.outcomes().isEmpty() ? ""
              : "; outcomes " + e.outcomes()).append('\n');
    }
    Trace o = c.original().trace();
    Trace s = c.shrunk().trace();
    boolean recorded = !o.steps().isEmpty();
    for (String kill : s.kills()) {
      sb.append("  ").append(kill).append('\n');
    }
    if (recorded) {
      sb.append("  shrunk to ").append(shape(s)).append(" (from ").append(shape(o)).append(")\n");
      if (c.shrinking() != null) {
        sb.append("  shrinking: ").append(c.shrinking()).append('\n');
      }
      sb.append("  schedule:\n");
      appendSteps(sb, s, removed(c.shrunk()));
    } else {
      sb.append("  found under stress: real parallel processes with seeded noise, so no schedule"
          + " was recorded to shrink or replay step by step\n");
    }
    if (c.problem().kind() == FindingKind.DEADLOCK) {
      sb.append(c.problem().summary().contains("wait-for cycle") ? "  wait-for cycle:\n"
          : "  blocked processes:\n");
      for (Problem.WaitEdge w : c.problem().waitFor()) {
        sb.append("    ").append(w.process()).append(" waits for ").append(w.object())
            .append("?".equals(w.heldBy()) ? " (held by nobody: it waits for an event)"
                : ", held by " + w.heldBy()).append('\n');
      }
    }
    if (c.problem().threadDump() != null) {
      sb.append("  thread dump of the hung process:\n").append(indent(c.problem().threadDump()));
    }
    String token = c.replay().format();
    sb.append("  seed: ").append(c.seed());
    if (recorded) {
      sb.append("\n  replay: -Dinterleave.replay=").append(token)
          .append("  or  @InterleaveTest(replay = \"").append(token).append("\")");
    } else {
      sb.append(" (the same seed gives the same noise, not the same timing)");
    }
    return sb.toString();
  }

  static String shape(Trace t) {
    int p = t.processCount();
    return p + (p == 1 ? " process, " : " processes, ") + t.preemptions()
        + (t.preemptions() == 1 ? " preemption, " : " preemptions, ") + t.steps().size()
        + " steps";
  }

  /** The objects ({@code process:Process-3}) of the processes shrinking removed. */
  private static java.util.Set<String> removed(Counterexample.Attempt a) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (int id : a.removed()) {
      if (id < a.trace().processes().size()) {
        out.add("process:" + a.trace().processes().get(id));
      }
    }
    return out;
  }

  private static void appendSteps(StringBuilder sb, Trace t, java.util.Set<String> removed) {
    List<String> names = t.processes();
    for (Step step : t.steps()) {
      sb.append(String.format("    %3d %s %-10s %s%s%s%n", step.index(),
          step.preemption() ? "*" : " ", names.get(step.process()), step.describe(names)
              .substring(names.get(step.process()).length() + 1),
          removed.contains(step.object()) ? " (removed)" : "",
          step.site() == null ? "" : "  at " + step.site()));
    }
  }

  private static String indent(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n")) {
      sb.append("    ").append(line).append('\n');
    }
    return sb.toString();
  }
}
