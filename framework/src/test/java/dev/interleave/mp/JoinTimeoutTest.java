package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A timed join never waits past its timeout for the child's output copies to end. */
@Timeout(180)
class JoinTimeoutTest {
  private final Children children = new Children();
  private Path pidFile;

  @AfterEach
  void cleanUp() throws Exception {
    System.clearProperty("interleave.child.drainMillis");
    children.killAll();
    if (pidFile != null && Files.exists(pidFile)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** Starts a plain OS process that inherits this child's output pipes, and exits at once. */
  static void leaveAnHolderOfMyPipes(Path pidFile) throws Exception {
    java.lang.Process sleeper = new ProcessBuilder("sleep", "120").inheritIO().start();
    Files.writeString(pidFile, Long.toString(sleeper.pid()));
  }

  @Test
  void aTimedJoinReturnsWithinItsTimeoutWhileAnotherProcessHoldsTheChildsPipes(
      @TempDir Path dir) throws Exception {
    // the output copies would wait up to 100 s for end-of-file: far beyond the join's timeout
    System.setProperty("interleave.child.drainMillis", "100000");
    pidFile = dir.resolve("sleeper.pid");
    Process p = children.start(new Process(JoinTimeoutTest::leaveAnHolderOfMyPipes, pidFile));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
    long t0 = System.nanoTime();
    boolean exited = p.join(Duration.ofSeconds(8));
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    assertThat(exited).as("the child exited").isTrue();
    assertThat(seconds).as("seconds the 8 s join took").isLessThan(60);
  }
}
