package dev.interleave.scenarios.cli;

import static dev.interleave.scenarios.cli.InterleaveCommandTest.interleave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import dev.interleave.scenarios.cli.InterleaveCommandTest.Result;
import dev.interleave.scenarios.explore.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code interleave run} and {@code merge} on a user's own test project. */
@Timeout(300)
class UserProjectCommandTest {
  @TempDir Path dir;
  Path classes;

  @BeforeEach
  void build() throws Exception {
    classes = UserProject.build(dir.resolve("acme"));
  }

  @Test
  void selectsOneMethodAndExploresItForTheGivenTime() throws Exception {
    Path reports = dir.resolve("reports");
    Result r = interleave("run", "--project", dir.resolve("acme").toString(), "--select",
        UserProject.CLASS + "#lockedCounter", "--time", "2s", "--strategy", "pct", "--depth",
        "3", "--json", "--report-dir", reports.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"scenario\": \"com.acme.CounterTest#lockedCounter\"",
        "\"verdict\": \"PASSED\"", "\"met\": true").doesNotContain("lostUpdate");
    TestReport report = ReportJson.read(reports.resolve(
        ScenarioRunner.fileName(UserProject.CLASS, "lockedCounter")));
    assertThat(report.strategyParams()).containsKey("time").containsEntry("depth", "3");
    assertThat(report.strategy()).isEqualTo("pct");
    assertThat(report.schedulesExplored()).isPositive()
        .isEqualTo(report.schedulesPlanned());
    assertThat(r.out()).contains("\"schedules\": " + report.schedulesExplored() + ",");
    assertThat(Files.readString(reports.resolve(JunitXml.FILE))).contains(
        "<testcase classname=\"com.acme.CounterTest\" name=\"lockedCounter\"",
        "tests=\"1\" failures=\"0\" errors=\"0\"");
  }

  @Test
  void shardsOneAndTwoOfTwoMergeToTheUnshardedRun() {
    String[] common = {"run", "--class-path", classes.toString(), "--tests",
        "com\\.acme\\.Counter.*", "--seed", "3", "--schedules", "4", "--json"};
    Result whole = interleave(with(common, "--report-dir", dir.resolve("whole").toString()));
    for (int i = 1; i <= 2; i++) {
      Result shard = interleave(with(common, "--shard", i + "/2", "--report-dir",
          dir.resolve("shard" + i).toString()));
      assertThat(shard.exitCode()).as(shard.err()).isIn(0, 1);
    }
    Result merged = interleave("merge", dir.resolve("shard1").toString(),
        dir.resolve("shard2").toString(), "--report-dir", dir.resolve("merged").toString(),
        "--json");
    assertThat(merged.exitCode()).as(merged.err()).isEqualTo(whole.exitCode()).isZero();
    assertThat(UserProject.jsonLines(merged.out())).hasSize(2)
        .isEqualTo(UserProject.jsonLines(whole.out()));
    assertThat(merged.out()).contains("\"violations\": 1");
    assertThat(dir.resolve("merged/index.html")).exists();
    assertThat(dir.resolve("merged/" + JunitXml.FILE)).content().contains("tests=\"2\"");
    Result table = interleave("merge", dir.resolve("shard1").toString(),
        dir.resolve("shard2").toString(), "--report-dir", dir.resolve("table").toString());
    assertThat(table.out()).contains("replay com.acme.CounterTest#lostUpdate: mvn ",
        " -Dtest=CounterTest#lostUpdate -Dinterleave.replay=3:"); // the module decides the rest

    java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"replay\": \"([^\"]+)\"")
        .matcher(merged.out());
    assertThat(token.find()).as(merged.out()).isTrue();
    Result replay = interleave("replay", UserProject.CLASS + "#lostUpdate", "--class-path",
        classes.toString(), "--replay", token.group(1));
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.out()).contains("replay com.acme.CounterTest#lostUpdate " + token.group(1)
        + ": PASSED (the expected violation was found", "counter == 2");
  }

  @Test
  void mergeWithAShardMissingIsBadUsage() {
    Result shard = interleave("run", "--class-path", classes.toString(), "--select",
        UserProject.CLASS + "#lockedCounter", "--schedules", "2", "--shard", "1/2",
        "--report-dir", dir.resolve("shard1").toString());
    assertThat(shard.exitCode()).as(shard.err()).isZero();
    Result r = interleave("merge", dir.resolve("shard1").toString(), "--report-dir",
        dir.resolve("merged").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("the reports of com.acme.CounterTest#lockedCounter() must be"
        + " the shards [1/2, 2/2] once each but were: [1/2]");
    assertUsage(interleave("merge", dir.resolve("shard1").toString(), "--report-dir",
        dir.resolve("shard1").toString()), "--report-dir must differ from every DIR merged");
  }

  @Test
  void boundOverridesTheAnnotationAndASelectedClassRunsEveryMethod() throws Exception {
    Path reports = dir.resolve("reports");
    Result r = interleave("run", "3.3-join", "--class-path", classes.toString(), "--select",
        UserProject.CLASS, "--select", UserProject.CLASS + "#lockedCounter", "--strategy",
        "exhaustive", "--bound", "0", "--schedules", "1", "--report-dir", reports.toString());
    assertThat(r.out().lines().filter(l -> l.startsWith("3.3-join ")
        || l.startsWith("com.acme.CounterTest#"))).hasSize(3);
    assertThat(r.out()).contains("com.acme.CounterTest#lostUpdate",
        "com.acme.CounterTest#lockedCounter", "3 scenarios met");
    TestReport report = ReportJson.read(reports.resolve(
        ScenarioRunner.fileName(UserProject.CLASS, "lockedCounter")));
    assertThat(report.strategyParams()).containsEntry("preemptionBound", "0");
  }

  @Test
  void badSelectionsAreBadUsageNamingTheValue() {
    String cp = classes.toString();
    assertUsage(interleave("run", "--class-path", cp, "--select", "com.acme.Nope"),
        "class com.acme.Nope of --select com.acme.Nope is not on the class path");
    assertUsage(interleave("run", "--class-path", cp, "--select", UserProject.CLASS + "#nope"),
        "no @InterleaveTest method on the class path matches: com.acme.CounterTest#nope");
    assertUsage(interleave("run", "--class-path", cp, "--tests", "("),
        "--tests must be a regular expression but was: (");
    assertUsage(interleave("run", "--class-path", cp + java.io.File.pathSeparator + "nowhere",
        "--select", UserProject.CLASS), "--class-path entry does not exist: nowhere");
    assertUsage(interleave("run", "--select", UserProject.CLASS),
        "--select and --tests need --class-path or --project");
    assertUsage(interleave("run", "--project", dir.resolve("acme").toString(), "--select",
        UserProject.CLASS, "--shard", "3/2"), "--shard must be I/N with 1 <= I <= N, such as"
        + " 2/4, but was: 3/2");
    assertUsage(interleave("run", "4.1-racy", "--strategy", "exhaustive", "--shard", "1/2"),
        "--shard cannot split an exhaustive search");
    assertUsage(interleave("run", "4.1-racy", "--time", "0s"),
        "--time must be a duration > 0 such as 30s, 10m, 2h, 500ms or PT1H30M but was: 0s");
    assertUsage(interleave("run", "4.1-racy", "--depth", "0"), "--depth must be >= 1 but was: 0");
    assertUsage(interleave("run", "4.1-racy", "--bound", "-1"),
        "--bound must be >= 0 but was: -1");
    assertUsage(interleave("run", "--class-path", cp, "--tests", "Counter"),
        "no @InterleaveTest method on the class path matches: Counter");
  }

  private static void assertUsage(Result r, String message) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(message);
  }

  private static String[] with(String[] a, String... more) {
    String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, out, a.length, more.length);
    return out;
  }
}
