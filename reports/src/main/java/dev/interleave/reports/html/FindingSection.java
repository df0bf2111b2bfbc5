package dev.interleave.reports.html;

import dev.interleave.report.FindingKind;
import dev.interleave.report.FindingReport;
import dev.interleave.report.ProcessOutput;
import dev.interleave.report.ScheduleTrace;
import java.util.List;
import java.util.Set;

/** The findings of a test, each with its replay commands, schedules and kind-specific detail. */
final class FindingSection {
  private FindingSection() {}

  static void renderAll(Html html, List<FindingReport> findings) {
    if (findings.isEmpty()) {
      return;
    }
    html.open("section", "id", "findings").nl();
    html.element("h2", "Findings (" + findings.size() + ")").nl();
    for (int i = 0; i < findings.size(); i++) {
      finding(html, findings.get(i), i + 1);
    }
    html.close().nl();
  }

  private static void finding(Html html, FindingReport f, int number) {
    String id = "finding-" + number;
    html.open("article", "class", "finding " + Format.lower(f.kind()), "id", id).nl();
    html.open("h3").text("Finding " + number + ": ");
    html.element("a", KindPages.title(f.kind()), "href", KindPages.fileName(f.kind()));
    html.close().nl();
    html.element("p", f.summary(), "class", "summary").nl();
    FindingFacts.render(html, f);
    Replay.render(html, f, id);
    detail(html, f, id);
    schedules(html, f);
    html.close().nl();
  }

  private static void detail(Html html, FindingReport f, String id) {
    if (f.kind() == FindingKind.DEADLOCK && !f.waitFor().isEmpty()) {
      WaitForSection.render(html, f.waitFor(), id + "-arrow");
    }
    if (f.threadDump() != null) {
      block(html, "Thread dump", "thread-dump", f.threadDump());
    }
    if (f.stackTrace() != null) {
      block(html, "Stack trace", "stack-trace", f.stackTrace());
    }
  }

  private static void block(Html html, String title, String css, String text) {
    html.element("h4", title).nl();
    html.element("pre", text, "class", css).nl();
  }

  private static void schedules(Html html, FindingReport f) {
    ScheduleTrace shown = f.counterexample();
    if (shown == null) {
      return;
    }
    html.open("div", "class", "schedules").nl();
    String title = f.shrunk() != null ? "Counterexample (shrunk)" : "Counterexample";
    ScheduleFigure.render(html, title, shown, Set.of(), shrunkNote(f));
    ScheduleTrace passing = f.nearestPassing();
    Set<Integer> differ = passing == null ? Set.of() : ScheduleDiff.differing(shown, passing);
    if (passing != null) {
      ScheduleFigure.render(html, "Nearest passing schedule", passing, differ, changes(f));
    } else if (f.kind() != FindingKind.HANG) {
      html.element("p", "No passing schedule was found near this one: every schedule tried with"
          + " the counterexample's inputs, each with one decision changed, fails too.",
          "class", "no-passing").nl();
    }
    html.close().nl();
    Legend.render(html, passing == null ? List.of(shown) : List.of(shown, passing), differ);
    ScheduleFigure.stepsTable(html, "Steps of the counterexample", shown);
    output(html, shown);
    if (f.shrunk() != null && f.original() != null && !f.original().equals(f.shrunk())) {
      ScheduleFigure.stepsTable(html, "Steps of the original schedule", f.original());
    }
  }

  /** What each process of the counterexample printed, standard error apart. */
  private static void output(Html html, ScheduleTrace shown) {
    if (shown.output().isEmpty()) {
      return;
    }
    html.open("div", "class", "output").nl();
    html.element("h4", "What the processes printed in this schedule").nl();
    for (ProcessOutput o : shown.output()) {
      if (!o.stdout().isEmpty()) {
        html.element("h5", o.process() + ", standard output").nl();
        html.element("pre", o.stdout(), "class", "stdout").nl();
      }
      if (!o.stderr().isEmpty()) {
        html.element("h5", o.process() + ", standard error").nl();
        html.element("pre", o.stderr(), "class", "stderr").nl();
      }
    }
    html.close().nl();
  }

  private static String changes(FindingReport f) {
    Integer n = f.nearestPassingChanges();
    return n == null ? "" : ", " + Format.plural(n, "decision") + " changed";
  }

  private static String shrunkNote(FindingReport f) {
    if (f.shrunk() == null || f.original() == null) {
      return "";
    }
    ScheduleTrace o = f.original();
    return " (original: " + Format.plural(o.steps().size(), "step") + ", "
        + Format.plural(o.preemptions(), "preemption") + ", "
        + Format.plural(Lanes.of(o).names().size(), "process", "processes")
        + ")";
  }
}
