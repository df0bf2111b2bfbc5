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

  /** Runs one harness test, prints the pids of its worker JVMs, and returns from main. */
  public static void main(String[] args) {
    long failed = EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(ExtensionFixtures.LockedCounter.class, "locked",
            Scenario.class.getName()))
        .execute().testEvents().failed().count();
    if (failed != 0) {
      throw new AssertionError("the fixture failed");
    }
    ProcessHandle.current().descendants().filter(HarnessExtensionTest::isChildJvm)
        .forEach(p -> System.out.println("worker " + p.pid()));
  }

  @Test
  void lingeringWorkersStopWhenTheTestJvmEnds() throws IOException, InterruptedException {
    Process jvm = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Dinterleave.corpus=none",
        "-cp", System.getProperty("java.class.path"), WorkerExitTest.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<Long> workers;
    try {
      String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(jvm.exitValue()).as(out).isZero();
      workers = out.lines().filter(l -> l.startsWith("worker "))
          .map(l -> Long.parseLong(l.substring("worker ".length()))).toList();
    } finally {
      if (jvm.isAlive()) { // it hung: leave nothing behind
        jvm.descendants().forEach(ProcessHandle::destroyForcibly);
        jvm.destroyForcibly();
      }
    }
    // the pool was still lingering when main returned (default 10 s): the JVM's exit stops it
    assertThat(workers).as("workers alive when the tests ended").isNotEmpty();
    try {
      Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(workers)
          .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
    } finally {
      workers.forEach(pid -> ProcessHandle.of(pid) // still that worker, not a reused pid
          .filter(HarnessExtensionTest::isChildJvm).ifPresent(ProcessHandle::destroyForcibly));
    }
  }
}
