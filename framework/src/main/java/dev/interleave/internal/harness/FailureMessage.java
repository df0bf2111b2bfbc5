package dev.interleave.internal.harness;

import java.util.List;

/** The text of a {@code RaceDetectedError}: finding, schedule, seed, replay. */
final class FailureMessage {
  private FailureMessage() {}

  static String of(Exploration e, Counterexample c) {
    StringBuilder sb = new StringBuilder(Findings.headline(c.problem())).append('\n');
    sb.append("  found at schedule ").append(c.firstAt()).append(" of ").append(e.planned())
        .append(" (").append(OptionsReader.describe(e.options())).append(")\n");
    Trace o = c.original().trace();
    Trace s = c.shrunk().trace();
    sb.append("  shrunk to ").append(shape(s)).append(" (from ").append(shape(o)).append(")\n");
    sb.append("  schedule:\n");
    appendSteps(sb, s);
    if (c.problem().kind() == Problem.Kind.DEADLOCK) {
      sb.append("  wait-for cycle:\n");
      for (Problem.WaitEdge w : c.problem().waitFor()) {
        sb.append("    ").append(w.process()).append(" waits for ").append(w.object())
            .append(", held by ").append(w.heldBy()).append('\n');
      }
    }
    if (c.problem().threadDump() != null) {
      sb.append("  thread dump of the hung process:\n").append(indent(c.problem().threadDump()));
    }
    String token = c.replay().format();
    sb.append("  seed: ").append(c.seed()).append('\n');
    sb.append("  replay: -Dinterleave.replay=").append(token)
        .append("  or  @InterleaveTest(replay = \"").append(token).append("\")");
    return sb.toString();
  }

  static String shape(Trace t) {
    int p = t.processCount();
    return p + (p == 1 ? " process, " : " processes, ") + t.preemptions()
        + (t.preemptions() == 1 ? " preemption, " : " preemptions, ") + t.steps().size()
        + " steps";
  }

  private static void appendSteps(StringBuilder sb, Trace t) {
    List<String> names = t.processes();
    for (Step step : t.steps()) {
      sb.append(String.format("    %3d %s %-10s %s%s%n", step.index(),
          step.preemption() ? "*" : " ", names.get(step.process()), step.describe(names)
              .substring(names.get(step.process()).length() + 1),
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
