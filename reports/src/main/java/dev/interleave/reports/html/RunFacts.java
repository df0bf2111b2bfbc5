package dev.interleave.reports.html;

import dev.interleave.report.Expectation;
import dev.interleave.report.RunEnvironment;
import dev.interleave.report.RunMode;
import dev.interleave.report.TestReport;

/**
 * A test page's header block: what ran and how (test, scenario, mode, strategy, seed, budget),
 * when and where (start, JVM, operating system, cores, Interleave's version, commit), and a link
 * to the JSON the page was rendered from.
 */
final class RunFacts {
  private RunFacts() {}

  static void render(Html html, LoadedReport loaded, String jsonHref) {
    TestReport r = loaded.report();
    html.open("section", "class", "facts").nl();
    html.open("dl").nl();
    fact(html, "Test", r.className() == null ? r.testId()
        : simpleName(r.className()) + "#" + Format.orNone(r.methodName()));
    if (r.scenarioId() != null) {
      fact(html, "Scenario", r.scenarioId());
    }
    fact(html, "Mode", Format.lower(r.mode()));
    fact(html, "Strategy", strategy(r));
    fact(html, "Seed", Long.toString(r.seed()));
    fact(html, "Budget", budget(r));
    fact(html, "Expected", expected(r.expected()));
    fact(html, "Schedules", schedules(r));
    fact(html, "Time", Format.millis(r.elapsedMillis()));
    environment(html, r.environment());
    html.open("div").element("dt", "Report data").open("dd");
    html.element("a", loaded.fileName(), "href", jsonHref).close().close().nl();
    html.close().nl();
    html.close().nl();
  }

  private static void environment(Html html, RunEnvironment e) {
    if (e == null) {
      return;
    }
    fact(html, "Started", Format.orNone(e.startedAt()));
    fact(html, "JVM", Format.orNone(e.java()));
    fact(html, "OS", Format.orNone(e.os()));
    fact(html, "Cores", Integer.toString(e.cores()));
    fact(html, "Interleave", Format.orNone(e.interleaveVersion()));
    if (e.commit() != null) {
      fact(html, "Commit", e.commit().length() > 12 ? e.commit().substring(0, 12) : e.commit());
    }
  }

  /** The strategy; a stress run says so instead of naming the unused scheduler. */
  static String strategy(TestReport r) {
    if (r.mode() == RunMode.STRESS) {
      return "stress: real parallelism with seeded noise";
    }
    return Format.strategy(r.strategy(), r.strategyParams());
  }

  private static String budget(TestReport r) {
    String timeout = r.strategyParams().get("timeoutMillis");
    String text = Format.plural(r.schedulesPlanned(), "schedule");
    return timeout == null ? text : text + ", hang timeout " + timeout + " ms";
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static String expected(Expectation expected) {
    if (expected == null) {
      return Format.NONE;
    }
    return expected == Expectation.VIOLATION ? "a violation" : "no violation";
  }

  private static String schedules(TestReport r) {
    String text =
        Format.count(r.schedulesExplored()) + " explored of " + Format.count(r.schedulesPlanned());
    return r.exhausted() ? text + ", search space exhausted" : text;
  }

  private static void fact(Html html, String name, String value) {
    html.open("div").element("dt", name).element("dd", value).close().nl();
  }
}
