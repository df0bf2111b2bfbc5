package dev.interleave.mp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.internal.shm.ProcessIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(90)
class OrphanAndDaemonTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void childOfAParentKilledWithSigkillExitsWithinTwoSeconds() throws Exception {
    Path pidFile = dir.resolve("grandchild.pid");
    Path release = dir.resolve("never");
    Process parent = new Process(ChildFixtures::spawnGrandchild, pidFile, release);
    parent.start();
    long grandchildPid;
    try {
      await().atMost(WAIT).until(() -> Files.exists(pidFile));
      grandchildPid = Long.parseLong(Files.readString(pidFile).trim());
      assertTrue(ProcessHandle.of(grandchildPid).map(ProcessHandle::isAlive).orElse(false));
    } finally {
      parent.kill();
      parent.join(WAIT);
    }
    assertEquals(-9, parent.exitCode().getAsInt());
    await("grandchild " + grandchildPid + " to exit after its parent's SIGKILL")
        .atMost(Duration.ofSeconds(2))
        .until(() -> !alive(grandchildPid));
  }

  @Test
  void whenMainCodeEndsDaemonsAreTerminatedAndOthersAwaited() throws Exception {
    Path log = dir.resolve("log");
    Path release = dir.resolve("release");
    java.lang.Process root = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        DaemonOrderingMain.class.getName(), log.toString(), release.toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("root.out").toFile()).start();
    try {
      await().atMost(WAIT).until(() -> Files.exists(log)
          && Files.readString(log).contains("main done"));
      long daemonPid = pidAfter(log, "daemon ");
      long workerPid = pidAfter(log, "worker ");
      await("the daemon child to be terminated after main ended").atMost(WAIT)
          .until(() -> !alive(daemonPid));
      assertTrue(alive(workerPid), "the non-daemon child still runs");
      assertTrue(root.isAlive(), "the root JVM waits for its non-daemon child");
      Files.writeString(release, "go");
      assertTrue(root.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
      assertTrue(Files.readString(log).contains("worker done"));
      assertEquals(0, root.exitValue(), Files.readString(dir.resolve("root.out")));
    } finally {
      root.descendants().forEach(ProcessHandle::destroyForcibly);
      root.destroyForcibly();
    }
  }

  @Test
  void childrenStartWhenTheJvmPrintsItsOwnNoticeFirst() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ToolOptionsMain.class.getName()))
        .redirectErrorStream(true);
    builder.environment().put("JAVA_TOOL_OPTIONS", "-Dinterleave.test.marker=1");
    java.lang.Process root = builder.start();
    try {
      String out = new String(root.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(root.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(0, root.exitValue(), out);
      assertTrue(out.contains("child ran"), out);
      assertTrue(out.contains("Picked up JAVA_TOOL_OPTIONS"), out);
    } finally {
      root.descendants().forEach(ProcessHandle::destroyForcibly);
      root.destroyForcibly();
    }
  }

  /** Running: a zombie (exited, not yet reaped by whoever adopted it) does not count. */
  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && !ProcessIdentity.hasExited(pid);
  }

  private static long pidAfter(Path log, String prefix) throws Exception {
    Optional<String> line = Files.readAllLines(log).stream().filter(l -> l.startsWith(prefix)).findFirst();
    return Long.parseLong(line.orElseThrow().substring(prefix.length()).trim());
  }
}
