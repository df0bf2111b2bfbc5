package dev.interleave.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.harness.InterleaveProperties;
import dev.interleave.report.TestReport;
import dev.interleave.scenarios.explore.ScenarioRunner;
import dev.interleave.scenarios.explore.TestSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The harness reads {@code interleave.time} and {@code interleave.shard} as system properties,
 * as Surefire passes a {@code mvn -D...} to the test JVM, and publishes per-schedule progress.
 */
@Timeout(180)
class HarnessPropertiesTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    for (String k : List.of(InterleaveProperties.SCHEDULES, InterleaveProperties.SHARD,
        InterleaveProperties.TIME)) {
      System.clearProperty(k);
    }
  }

  @Test
  void systemPropertiesShardAndCapATimedRunAndProgressIsPublishedPerSchedule()
      throws Exception {
    Path classes = UserProject.build(dir.resolve("acme"));
    System.setProperty(InterleaveProperties.SCHEDULES, "4");
    System.setProperty(InterleaveProperties.SHARD, "2/2");
    System.setProperty(InterleaveProperties.TIME, "10m");
    List<Map<String, String>> entries = new CopyOnWriteArrayList<>();
    TestExecutionListener listener = new TestExecutionListener() {
      @Override
      public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entries.add(entry.getKeyValuePairs());
      }
    };
    TestReport report;
    try (TestSelection selection = new TestSelection(List.of(classes));
        ScenarioRunner runner = new ScenarioRunner()) {
      ScenarioRunner.Target target = selection.select(
          List.of(UserProject.CLASS + "#lockedCounter"), List.of()).get(0);
      report = runner.run(target, new ScenarioRunner.Settings(null, null, 5,
          dir.resolve("reports"), null).with(InterleaveProperties.PROGRESS, "1"), listener);
    }
    assertThat(report.schedulesExplored()).isEqualTo(2); // schedules 2 and 4 of 1..4
    assertThat(report.schedulesPlanned()).isEqualTo(2);
    assertThat(report.strategyParams()).containsEntry("shard", "2/2")
        .containsEntry("time", "PT10M");
    assertThat(entries).extracting(e -> e.get("interleave.explored")).contains("1", "2");
    assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("interleave.planned", "2")
        .containsEntry("interleave.findings", "0")
        .containsEntry("interleave.budgetMillis", "600000")
        .containsKey("interleave.elapsedMillis"));
  }

  @Test
  void aRegexMatchesAClassNameOrClassHashMethodInFull() throws Exception {
    Path classes = UserProject.build(dir.resolve("acme"));
    try (TestSelection selection = new TestSelection(List.of(classes))) {
      assertThat(selection.select(List.of(), List.of(".*#lock.*")))
          .extracting(ScenarioRunner.Target::id).containsExactly(UserProject.CLASS
              + "#lockedCounter");
      assertThat(selection.select(List.of(), List.of("com\\.acme\\.CounterTest")))
          .extracting(ScenarioRunner.Target::id).containsExactlyInAnyOrder(UserProject.CLASS
              + "#lockedCounter", UserProject.CLASS + "#lostUpdate");
    }
  }

  @Test
  void aClassSelectorFindsTheClassInAJar() throws Exception {
    Path classes = UserProject.build(dir.resolve("acme"));
    Path jar = dir.resolve("acme-tests.jar");
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(
        java.nio.file.Files.newOutputStream(jar));
        java.util.stream.Stream<Path> files = java.nio.file.Files.walk(classes)) {
      for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
        out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString()
            .replace(java.io.File.separatorChar, '/')));
        out.write(java.nio.file.Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    try (TestSelection selection = new TestSelection(List.of(jar))) {
      assertThat(selection.select(List.of(UserProject.CLASS), List.of())).hasSize(2);
    }
  }

  @Test
  void theProjectClassPathIsTestClassesClassesAndTheCopiedDependencies() throws Exception {
    Path project = dir.resolve("p");
    for (String d : List.of("target/test-classes", "target/classes", "target/dependency")) {
      java.nio.file.Files.createDirectories(project.resolve(d));
    }
    java.nio.file.Files.writeString(project.resolve("target/dependency/b.jar"), "");
    java.nio.file.Files.writeString(project.resolve("target/dependency/a.jar"), "");
    java.nio.file.Files.writeString(project.resolve("target/dependency/notes.txt"), "");
    assertThat(TestSelection.projectClassPath(project)).containsExactly(
        project.resolve("target/test-classes"), project.resolve("target/classes"),
        project.resolve("target/dependency/a.jar"), project.resolve("target/dependency/b.jar"));
  }
}
