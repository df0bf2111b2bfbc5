package dev.interleave.mp;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** CPython's exit handler in the root JVM: at exit, daemons are terminated, others joined. */
@Timeout(120)
class ExitHandlerTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private static long pidAfter(Path log, String prefix) throws Exception {
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith(prefix)) {
        return Long.parseLong(line.substring(prefix.length()).trim());
      }
    }
    throw new AssertionError("no line starting with " + prefix + " in " + Files.readString(log));
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(h -> h.isAlive()
        && !dev.interleave.internal.shm.ProcessIdentity.hasExited(pid)).orElse(false);
  }

  @Test
  void systemExitTerminatesDaemonsAndWaitsForOtherChildren() throws Exception {
    Path log = dir.resolve("log");
    Path release = dir.resolve("release");
    java.lang.Process root = RootPrograms.start(dir.resolve("out"), ExitHandlerMain.class,
        "exit", log.toString(), release.toString());
    try {
      await().atMost(WAIT).until(() -> Files.exists(log)
          && Files.readString(log).contains("main exits"));
      long daemon = pidAfter(log, "daemon ");
      long worker = pidAfter(log, "worker ");
      await("the daemonic child to be terminated").atMost(WAIT).until(() -> !alive(daemon));
      assertThat(alive(worker)).as("the non-daemonic child runs on").isTrue();
      assertThat(root.isAlive()).as("the root JVM waits for it").isTrue();
      Files.writeString(release, "go");
      assertThat(root.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(log)).contains("worker done");
      assertThat(root.exitValue()).isZero();
    } finally {
      RootPrograms.killTree(root);
    }
  }

  @Test
  void daemonsOutliveMainWhileANonDaemonThreadRuns() throws Exception {
    Path log = dir.resolve("log");
    Path release = dir.resolve("release");
    java.lang.Process root = RootPrograms.start(dir.resolve("out"), ExitHandlerMain.class,
        "thread", log.toString(), release.toString());
    try {
      assertThat(root.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(log)).contains("main done").contains("daemon outlived main");
      long daemon = pidAfter(log, "daemon ");
      await("the daemonic child to be terminated at exit").atMost(WAIT)
          .until(() -> !alive(daemon));
      assertThat(root.exitValue()).isZero();
    } finally {
      RootPrograms.killTree(root);
    }
  }
}
