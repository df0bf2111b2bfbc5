package dev.interleave.scenarios.cli;

import dev.interleave.report.FindingReport;
import dev.interleave.report.InvariantStats;
import dev.interleave.report.OutcomeCount;
import dev.interleave.report.ReportJson;
import dev.interleave.report.TestReport;
import dev.interleave.report.Verdict;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Joins the reports of {@code run --shard 1/n} ... {@code n/n} of one test into the report one
 * machine would have written. The harness stops at its first finding, so with findings the
 * merged run is the one that stopped at the lowest schedule number f and explored schedules 1..f
 * (every shard ran its numbers below f); without, the schedules add up. Planned schedules, time,
 * outcome counts and invariant checks add up (with a finding, counts from schedules after f
 * remain in them).
 */
final class ShardMerge {
  private static final String SHARD = "shard";
  private static final List<Verdict> SEVERITY = List.of(Verdict.FAILED, Verdict.ERROR,
      Verdict.INTERESTING, Verdict.PASSED);

  private ShardMerge() {}

  /**
   * Every test's merged report, from the JSON reports in {@code dirs}.
   *
   * @throws IllegalArgumentException naming the test and the values, if a test's reports are
   *     not the n shards of one run (a shard missing or twice, seeds or strategies differing)
   */
  static List<TestReport> merge(List<Path> dirs) throws IOException {
    Map<String, List<TestReport>> byTest = new LinkedHashMap<>();
    for (Path dir : dirs) {
      for (TestReport r : read(dir)) {
        byTest.computeIfAbsent(r.testId(), k -> new ArrayList<>()).add(r);
      }
    }
    List<TestReport> out = new ArrayList<>();
    byTest.forEach((id, shards) -> out.add(mergeOne(id, shards)));
    return out;
  }

  private static List<TestReport> read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("DIR must be a directory of JSON reports but was: "
          + dir);
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
      s.forEach(files::add);
    }
    files.sort(Comparator.naturalOrder());
    List<TestReport> out = new ArrayList<>();
    for (Path f : files) {
      try {
        out.add(ReportJson.read(f));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("not an Interleave report: " + f + " ("
            + e.getMessage() + ")", e);
      }
    }
    return out;
  }

  static TestReport mergeOne(String id, List<TestReport> shards) {
    check(id, shards);
    if (shards.size() == 1 && !shards.get(0).strategyParams().containsKey(SHARD)) {
      return shards.get(0);
    }
    TestReport first = shards.get(0);
    FindingReport finding = shards.stream().flatMap(r -> r.findings().stream())
        .min(Comparator.comparingLong(FindingReport::firstAtSchedule)).orElse(null);
    TestReport chosen = finding != null
        ? shards.stream().filter(r -> r.findings().contains(finding)).findFirst().orElseThrow()
        : shards.stream().min(Comparator.comparingInt(r -> SEVERITY.indexOf(r.verdict())))
            .orElseThrow();
    long explored = finding != null ? finding.firstAtSchedule()
        : shards.stream().mapToLong(TestReport::schedulesExplored).sum();
    Map<String, String> params = new TreeMap<>(first.strategyParams());
    params.remove(SHARD);
    return new TestReport(first.testId(), first.className(), first.methodName(),
        first.displayName(), first.scenario(), first.mode(), first.strategy(), params,
        first.seed(), chosen.verdict(), chosen.expected(), chosen.reason() + "; merged from "
            + shards.size() + " shards: " + explored + " schedules in all",
        shards.stream().mapToLong(TestReport::schedulesPlanned).sum(), explored,
        shards.stream().anyMatch(TestReport::exhausted),
        shards.stream().mapToLong(TestReport::elapsedMillis).sum(),
        sum(shards, TestReport::invariants, InvariantStats::name,
            (a, b) -> new InvariantStats(a.name(), a.kind(), a.checks() + b.checks(),
                a.violations() + b.violations())),
        sum(shards, TestReport::outcomes, OutcomeCount::outcome,
            (a, b) -> new OutcomeCount(a.outcome(), a.count() + b.count(), a.grade(),
                a.description())),
        finding == null ? List.of() : List.of(finding), first.scenarioId(), first.environment());
  }

  private static void check(String id, List<TestReport> shards) {
    TestReport first = shards.get(0);
    for (TestReport r : shards) {
      if (r.seed() != first.seed() || !r.strategy().equals(first.strategy())
          || r.mode() != first.mode()) {
        throw new IllegalArgumentException("the shards of " + id + " must share seed, strategy"
            + " and mode but were: seed " + first.seed() + ", " + first.strategy() + ", "
            + first.mode() + " and seed " + r.seed() + ", " + r.strategy() + ", " + r.mode());
      }
    }
    List<String> names = shards.stream().map(r -> r.strategyParams().get(SHARD)).toList();
    if (shards.size() == 1 && names.get(0) == null) {
      return;
    }
    if (names.contains(null)) {
      throw new IllegalArgumentException("the reports of " + id + " must all come from"
          + " --shard runs but one did not; shards: " + names);
    }
    int n = Integer.parseInt(names.get(0).substring(names.get(0).indexOf('/') + 1));
    TreeSet<String> expected = new TreeSet<>();
    for (int i = 1; i <= n; i++) {
      expected.add(i + "/" + n);
    }
    if (names.size() != n || !new TreeSet<>(names).equals(expected)) {
      throw new IllegalArgumentException("the reports of " + id + " must be the shards "
          + expected + " once each but were: " + names);
    }
  }

  private static <T> List<T> sum(List<TestReport> shards, Function<TestReport, List<T>> items,
      Function<T, String> key, java.util.function.BinaryOperator<T> add) {
    Map<String, T> out = new LinkedHashMap<>();
    for (TestReport r : shards) {
      for (T t : items.apply(r)) {
        out.merge(key.apply(t), t, add);
      }
    }
    return List.copyOf(out.values());
  }
}
