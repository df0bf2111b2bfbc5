package dev.interleave.reports.html;

import dev.interleave.report.ScheduleTrace;
import dev.interleave.report.TraceStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The key to the timeline's marks and tags, for those that appear. */
final class Legend {
  private static final Map<String, String> MEANINGS = new LinkedHashMap<>();

  static {
    MEANINGS.put("preempted", "the scheduler switched away from a process that could go on");
    MEANINGS.put("after block", "forced switch: the process before could not complete its"
        + " operation");
    MEANINGS.put("after sleep", "forced switch: the process before went to sleep");
    MEANINGS.put("after exit", "forced switch: the process before ended");
    MEANINGS.put("after kill", "forced switch: the process before was killed");
    MEANINGS.put("blocked", "the operation could not complete; the process waited (hollow mark)");
    MEANINGS.put("retry", "the blocked operation, tried again once woken");
    MEANINGS.put("kill", "the process terminated or killed another");
    MEANINGS.put("injected kill", "the harness killed the process here");
    MEANINGS.put("violation", "the step after which the finding showed");
  }

  private Legend() {}

  static void render(Html html, List<ScheduleTrace> drawn, Set<Integer> differing) {
    Set<String> seen = new java.util.HashSet<>();
    for (ScheduleTrace t : drawn) {
      for (TraceStep step : t.steps()) {
        seen.addAll(StepText.tags(step));
      }
    }
    if (seen.isEmpty() && differing.isEmpty()) {
      return;
    }
    html.open("ul", "class", "legend").nl();
    for (Map.Entry<String, String> e : MEANINGS.entrySet()) {
      if (seen.contains(e.getKey())) {
        item(html, StepText.css(e.getKey()), e.getKey() + ": " + e.getValue());
      }
    }
    if (!differing.isEmpty()) {
      item(html, "differs", "differs: not the step the counterexample took here");
    }
    html.close().nl();
  }

  private static void item(Html html, String css, String text) {
    html.open("li").element("span", "", "class", "swatch " + css).text(text).close().nl();
  }
}
