package dev.interleave.internal.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.interleave.harness.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Worker JVMs kept warm after a run (they linger for the next run) stop when the JVM that ran
 * the tests exits normally: a test JVM's normal end leaves no worker behind.
 */
@Timeout(120)
class WorkerExitTest {

  /**
   * Runs one harness test ({@code twice}: two, one after the other), prints the pids of the
   * worker JVMs after each run, and returns from main.
   */
  public static void main(String[] args) {
    int runs = args.length > 0 && args[0].equals("twice") ? 2 : 1;
    for (int run = 1; run <= runs; run++) {
      long failed = EngineTestKit.engine("junit-jupiter")
          .selectors(selectMethod(ExtensionFixtures.LockedCounter.class, "locked",
              Scenario.class.getName()))
          .execute().testEvents().failed().count();
      if (failed != 0) {
        throw new AssertionError("the fixture failed");
      }
      String prefix = run == 1 ? "worker " : "run " + run + " worker ";
      ProcessHandle.current().descendants().filter(HarnessExtensionTest::isChildJvm)
          .forEach(p -> System.out.println(prefix + p.pid()));
    }
  }

  private static String runMain(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Dinterleave.corpus=none",
        "-cp", System.getProperty("java.class.path"), WorkerExitTest.class.getName()));
    cmd.addAll(List.of(args));
    Process jvm = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(jvm.exitValue()).as(out).isZero();
      return out;
    } finally {
      if (jvm.isAlive()) { // it hung: leave nothing behind
        jvm.descendants().forEach(ProcessHandle::destroyForcibly);
        jvm.destroyForcibly();
      }
    }
  }

  private static List<Long> pids(String out, String prefix) {
    return out.lines().filter(l -> l.startsWith(prefix))
        .map(l -> Long.parseLong(l.substring(prefix.length()))).toList();
  }

  private static void awaitGone(List<Long> workers) {
    try {
      Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(workers)
          .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    } finally {
      workers.forEach(pid -> ProcessHandle.of(pid) // still that worker, not a reused pid
          .filter(HarnessExtensionTest::isChildJvm).ifPresent(ProcessHandle::destroyForcibly));
    }
  }

  /**
   * In a fresh JVM the first run starts before any process class is initialized; the second
   * run must still find the first run's workers (it once booted a pool of its own, because the
   * children's command line then named the process bootstrap).
   */
  @Test
  void aSecondRunInAFreshJvmUsesTheFirstRunsWorkers() throws IOException, InterruptedException {
    String out = runMain("twice");
    List<Long> first = pids(out, "worker ");
    List<Long> second = pids(out, "run 2 worker ");
    try {
      assertThat(first).as("workers of the first run").isNotEmpty();
      assertThat(second).as("workers after the second run (the first run's linger)")
          .containsExactlyInAnyOrderElementsOf(first);
    } finally {
      List<Long> all = new java.util.ArrayList<>(first);
      all.addAll(second);
      awaitGone(all);
    }
  }

  @Test
  void lingeringWorkersStopWhenTheTestJvmEnds() throws IOException, InterruptedException {
    List<Long> workers = pids(runMain(), "worker ");
    // the pool was still lingering when main returned (default 10 s): the JVM's exit stops it
    assertThat(workers).as("workers alive when the tests ended").isNotEmpty();
    awaitGone(workers);
  }
}
