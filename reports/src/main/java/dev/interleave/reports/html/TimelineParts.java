package dev.interleave.reports.html;

import dev.interleave.report.TraceStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule's steps cut into the parts its timeline shows: open parts, and folded ones (a run
 * of one process's steps beyond its first, or, past the first {@link #OPEN_ROWS} rows, blocks of
 * {@link #BLOCK} rows) that the page shows collapsed, to be expanded.
 *
 * @param steps the part's steps, consecutive in the schedule
 * @param folded whether the part starts collapsed
 */
record TimelineParts(List<TraceStep> steps, boolean folded) {
  /** A run of one process's steps this long or longer is folded after its first step. */
  static final int RUN = 8;
  static final int OPEN_ROWS = 120;
  static final int BLOCK = 100;

  static List<TimelineParts> of(List<TraceStep> steps) {
    List<TimelineParts> parts = new ArrayList<>();
    List<TraceStep> open = new ArrayList<>();
    int shown = 0;
    int i = 0;
    while (i < steps.size()) {
      int run = runLength(steps, i);
      if (run >= RUN) {
        open.add(steps.get(i));
        flush(parts, open);
        parts.add(new TimelineParts(steps.subList(i + 1, i + run), true));
        shown++;
        i += run;
      } else if (shown >= OPEN_ROWS) {
        flush(parts, open);
        int end = Math.min(steps.size(), i + BLOCK);
        int stop = i;
        while (stop < end && runLength(steps, stop) < RUN) {
          stop += runLength(steps, stop);
        }
        stop = Math.max(stop, i + 1);
        parts.add(new TimelineParts(steps.subList(i, Math.min(stop, steps.size())), true));
        i = Math.min(stop, steps.size());
      } else {
        open.add(steps.get(i));
        shown++;
        i++;
      }
    }
    flush(parts, open);
    return parts;
  }

  private static void flush(List<TimelineParts> parts, List<TraceStep> open) {
    if (!open.isEmpty()) {
      parts.add(new TimelineParts(List.copyOf(open), false));
      open.clear();
    }
  }

  private static int runLength(List<TraceStep> steps, int from) {
    String process = steps.get(from).process();
    int end = from;
    while (end < steps.size() && steps.get(end).process().equals(process)) {
      end++;
    }
    return end - from;
  }

  /** The summary of a folded part, for example "14 steps of Process-3 (#20–#33)". */
  String summary(int differing) {
    TraceStep first = steps.get(0);
    TraceStep last = steps.get(steps.size() - 1);
    long processes = steps.stream().map(TraceStep::process).distinct().count();
    String who = processes == 1 ? " of " + first.process() : " of " + processes + " processes";
    String range = " (#" + first.index() + "\u2013#" + last.index() + ")";
    String differ = differing == 0 ? "" : ", " + Format.plural(differing, "step") + " differ";
    return Format.plural(steps.size(), "step") + who + range + differ;
  }
}
