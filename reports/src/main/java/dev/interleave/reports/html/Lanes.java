package dev.interleave.reports.html;

import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TraceStep;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lanes of a timeline: the processes that took a step, in the schedule's process order
 * ({@code main} first), and the width each lane gets. Processes that never ran get no lane.
 */
record Lanes(List<String> names, int laneWidth) {
  static final int GUTTER = 36;
  private static final int MIN_WIDTH = 100;
  private static final int MAX_NAME = 24;

  static Lanes of(ScheduleTrace trace) {
    Set<String> ran = new LinkedHashSet<>();
    for (TraceStep step : trace.steps()) {
      ran.add(step.process());
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : trace.processes()) {
      if (ran.contains(name)) {
        names.add(name);
      }
    }
    names.addAll(ran);
    int width = MIN_WIDTH;
    for (String name : names) {
      width = Math.max(width, Format.textWidth(Format.clip(name, MAX_NAME)) + 16);
    }
    return new Lanes(List.copyOf(new ArrayList<>(names)), width);
  }

  int index(String process) {
    return names.indexOf(process);
  }

  double x(String process) {
    return GUTTER + index(process) * laneWidth + laneWidth / 2.0;
  }

  double right() {
    return GUTTER + names.size() * laneWidth;
  }

  static String clipName(String name) {
    return Format.clip(name, MAX_NAME);
  }
}
