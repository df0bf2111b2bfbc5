package dev.interleave.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.scenarios.explore.ScenarioCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code interleave} command line, run in this JVM with its output captured. */
@Timeout(120)
class InterleaveCommandTest {
  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  static Result interleave(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = InterleaveCommand.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void listPrintsOneLinePerScenarioIdFirst() {
    Result r = interleave("list");
    assertThat(r.exitCode()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(ScenarioCatalog.ALL.size());
    for (int i = 0; i < lines.size(); i++) {
      ScenarioCatalog.Entry e = ScenarioCatalog.ALL.get(i);
      assertThat(lines.get(i)).startsWith(e.id() + " ").endsWith(e.description());
    }
  }

  @Test
  void runWithJsonIsTheSameTwiceExceptElapsedTime() {
    String[] args = {"run", "5.2-pipe", "4.2-no-semaphore", "--schedules", "5", "--seed", "2",
        "--json", "--report-dir", dir.toString()};
    Result first = interleave(args);
    Result second = interleave(args);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("\"scenario\": \"5.2-pipe\"", "\"verdict\": \"PASSED\"",
        "\"expected\": \"PASS\"", "\"schedules\": 5", "\"violations\": 0",
        "\"firstViolationAt\": null", "\"seed\": 2", "\"elapsedMillis\": ",
        "\"scenario\": \"4.2-no-semaphore\"", "\"expected\": \"VIOLATION\"",
        "\"violations\": 1", "\"firstViolationAt\": 1");
    assertThat(first.out()).startsWith("[").endsWith("]\n");
    assertThat(withoutElapsed(second.out())).isEqualTo(withoutElapsed(first.out()));
    assertThat(dir.resolve("index.html")).exists();
  }

  static String withoutElapsed(String json) {
    return json.replaceAll("\"elapsedMillis\": \\d+", "\"elapsedMillis\": _");
  }

  @Test
  void runPrintsTableAndReportPathAndExitsZeroWhenExpectationsMet() {
    Result r = interleave("run", "3.3-join", "--schedules", "3", "--report-dir", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("scenario", "verdict", "expected", "schedules", "violations",
        "first at", "time", "3.3-join", "PASSED", "1 of 1 scenarios met their expectation",
        "report: " + dir.resolve("index.html"));
    assertThat(r.err()).contains("[1/1] 3.3-join PASSED");
  }

  @Test
  void runExitsOneWhenAnExpectedViolationIsNotFound() throws Exception {
    // an update is lost only if a process is preempted between its read and its write: every
    // schedule without a preemption (bound 0, explored to the end) loses none
    Path xml = dir.resolve("ci/junit.xml");
    Result r = interleave("run", "6.2-value-racy", "--strategy", "exhaustive", "--bound", "0",
        "--report-dir", dir.toString(), "--junit-xml", xml.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("6.2-value-racy", "FAILED", "0 of 1 scenarios met");
    ScenarioCatalog.Entry racy = ScenarioCatalog.byId("6.2-value-racy").orElseThrow();
    assertThat(xml).content().contains("tests=\"1\" failures=\"1\" errors=\"0\"",
        "<testcase classname=\"" + racy.type().getName() + "\" name=\"" + racy.method() + "\"",
        "<failure type=\"FAILED\"");
  }

  @Test
  void unknownScenarioNamesTheValueAndTheChoices() {
    Result r = interleave("run", "9.9-nothing");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown scenario: 9.9-nothing; scenarios: 3.1-daemon, "
        + "3.2-terminate");
  }

  @Test
  void unknownStrategyNamesTheValueAndTheChoices() {
    Result r = interleave("run", "4.1-racy", "--strategy", "fifo");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(
        "unknown strategy: fifo; strategies: random, pct, pos, exhaustive, stress");
  }

  @Test
  void negativeBudgetIsBadUsage() {
    Result r = interleave("run", "4.1-racy", "--schedules", "-3");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--schedules must be > 0 but was: -3");
  }

  @Test
  void crashesKillProcessesOfAScenarioThatPassesWithout() {
    String[] args = {"run", "3.3-join", "--strategy", "random", "--schedules", "20",
        "--seed", "3", "--json", "--report-dir", dir.toString()};
    Result without = interleave(args);
    assertThat(without.exitCode()).as(without.err()).isZero();
    assertThat(without.out()).contains("\"verdict\": \"PASSED\"", "\"violations\": 0");
    Result with = interleave(concat(args, "--crashes", "1"));
    assertThat(with.exitCode()).as(with.out() + with.err()).isEqualTo(1);
    assertThat(with.out()).contains("\"scenario\": \"3.3-join\"")
        .doesNotContain("\"violations\": 0");
  }

  @Test
  void crossCheckSetsStressRunsBesideTheControlledScheduleOrTurnsThemOff() throws Exception {
    String[] args = {"run", "4.3-event", "--schedules", "4", "--seed", "1", "--report-dir",
        dir.toString(), "--cross-check"};
    Result three = interleave(concat(args, "3"));
    assertThat(three.exitCode()).as(three.out() + three.err()).isZero();
    dev.interleave.report.CrossCheckReport c = eventReport().crossCheck();
    assertThat(c.stressRuns()).isEqualTo(3);
    assertThat(c.controlSchedules()).isEqualTo(4);
    assertThat(c.missedByControl()).isEmpty();
    Result off = interleave(concat(args, "0"));
    assertThat(off.exitCode()).as(off.out() + off.err()).isZero();
    assertThat(eventReport().crossCheck()).isNull();
    Result negative = interleave(concat(args, "-2"));
    assertThat(negative.exitCode()).isEqualTo(2);
    assertThat(negative.err()).contains("--cross-check must be >= 0 but was: -2");
  }

  @Test
  void noReduceTurnsTheReductionOff() throws Exception {
    String[] args = {"run", "6.2-value-locked", "--strategy", "exhaustive", "--bound", "0",
        "--report-dir", dir.toString()};
    Result reduced = interleave(args);
    assertThat(reduced.exitCode()).as(reduced.out() + reduced.err()).isZero();
    dev.interleave.report.TestReport r = report("6.2-value-locked");
    Result every = interleave(concat(args, "--no-reduce"));
    assertThat(every.exitCode()).as(every.out() + every.err()).isZero();
    dev.interleave.report.TestReport e = report("6.2-value-locked");
    assertThat(r.strategyParams()).containsEntry("reduction",
        "sleep sets where the bound cut nothing");
    assertThat(e.strategyParams()).doesNotContainKey("reduction")
        .containsEntry("preemptionBound", "0");
    assertThat(r.exhausted()).isTrue();
    assertThat(e.exhausted()).isTrue();
    assertThat(e.schedulesExplored()).isGreaterThanOrEqualTo(r.schedulesExplored());
  }

  private dev.interleave.report.TestReport report(String id) throws java.io.IOException {
    return dev.interleave.report.ReportJson.read(dir.resolve(
        dev.interleave.scenarios.explore.ScenarioRunner.fileName(
            dev.interleave.scenarios.explore.ScenarioCatalog.byId(id).orElseThrow())));
  }

  private dev.interleave.report.TestReport eventReport() throws java.io.IOException {
    return report("4.3-event");
  }

  private static String[] concat(String[] args, String... more) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(args),
        java.util.Arrays.stream(more)).toArray(String[]::new);
  }

  @Test
  void badCrashesAreBadUsage() {
    Result negative = interleave("run", "4.1-locked", "--crashes", "-1");
    assertThat(negative.exitCode()).isEqualTo(2);
    assertThat(negative.err()).contains("--crashes must be >= 0 but was: -1");
    Result word = interleave("run", "4.1-locked", "--crashes", "two");
    assertThat(word.exitCode()).isEqualTo(2);
    assertThat(word.err()).contains("Invalid value for option '--crashes': 'two' is not an int");
  }

  @Test
  void runWithoutIdsOrAllIsBadUsage() {
    Result r = interleave("run");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("give scenario ids, --all, --select or --tests");
  }

  @Test
  void replayPrintsTheScheduleStepByStep() {
    Result run = interleave("run", "4.2-no-semaphore", "--report-dir", dir.toString());
    String line = run.out().lines().filter(l -> l.startsWith("replay 4.2-no-semaphore: "))
        .findFirst().orElseThrow();
    String token = line.substring(line.indexOf("--replay ") + "--replay ".length());
    Result r = interleave("replay", "4.2-no-semaphore", "--replay", token);
    assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("replay 4.2-no-semaphore " + token + ": PASSED",
        "invariant 'seated <= 3' was violated", "Process-4  START 'begin'  <- violated");
  }

  @Test
  void defaultReportDirAvoidsAMavenModuleNamedReports() throws Exception {
    assertThat(RunCommand.defaultReportDir(dir)).isEqualTo(dir.resolve("reports"));
    Files.createDirectories(dir.resolve("reports"));
    Files.writeString(dir.resolve("reports/pom.xml"), "<project/>");
    assertThat(RunCommand.defaultReportDir(dir)).isEqualTo(dir.resolve("interleave-reports"));
  }
}
