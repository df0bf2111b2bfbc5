package dev.interleave.reports.html;

import dev.interleave.report.FindingKind;
import dev.interleave.report.FindingReport;
import dev.interleave.report.ScheduleTrace;
import java.util.List;
import java.util.Set;

/** The findings of a test, each with its replay handle, schedules and kind-specific detail. */
final class FindingSection {
  private FindingSection() {}

  static void renderAll(Html html, List<FindingReport> findings) {
    html.open("section", "id", "findings").nl();
    html.element("h2", "Findings (" + findings.size() + ")").nl();
    if (findings.isEmpty()) {
      html.element("p", "Nothing found.", "class", "empty").nl();
    }
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
    facts(html, f);
    replay(html, f);
    detail(html, f, id);
    schedules(html, f);
    html.close().nl();
  }

  private static void facts(Html html, FindingReport f) {
    html.open("dl", "class", "finding-facts").nl();
    if (f.invariant() != null) {
      html.open("div").element("dt", "Invariant").open("dd").element("code", f.invariant());
      html.close().close().nl();
    }
    html.open("div").element("dt", "First seen in schedule");
    html.element("dd", Format.count(f.firstAtSchedule())).close().nl();
    html.open("div").element("dt", "Seed").element("dd", Long.toString(f.seed())).close().nl();
    html.close().nl();
  }

  private static void replay(Html html, FindingReport f) {
    String command = f.replayCommand() != null ? f.replayCommand() : "# no replay command recorded";
    html.open("pre", "class", "replay", "title", "Replay command");
    html.text("# seed " + f.seed() + "\n" + command).close().nl();
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
      ScheduleFigure.render(html, "Nearest passing schedule", passing, differ, "");
    }
    html.close().nl();
    Legend.render(html, passing == null ? List.of(shown) : List.of(shown, passing), differ);
    ScheduleFigure.stepsTable(html, "Steps of the counterexample", shown);
    if (f.shrunk() != null && f.original() != null && !f.original().equals(f.shrunk())) {
      ScheduleFigure.stepsTable(html, "Steps of the original schedule", f.original());
    }
  }

  private static String shrunkNote(FindingReport f) {
    if (f.shrunk() == null || f.original() == null) {
      return "";
    }
    return " (original: " + Format.plural(f.original().steps().size(), "step") + ")";
  }
}
