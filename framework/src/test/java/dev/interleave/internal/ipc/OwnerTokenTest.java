package dev.interleave.internal.ipc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.internal.shm.ProcessIdentity;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Liveness of the processes that lock words and end tables name. */
@Timeout(30)
class OwnerTokenTest {

  @Test
  void aKilledButUnreapedProcessCountsAsDead() throws Exception {
    // the shell starts a child, then becomes a process that never reaps it: once killed, the
    // child stays a zombie
    java.lang.Process parent = new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; exec sleep 60")
        .start();
    try {
      long pid = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream(),
          StandardCharsets.US_ASCII)).readLine().trim());
      long token = OwnerToken.of(ProcessIdentity.of(ProcessHandle.of(pid).orElseThrow()));
      assertTrue(OwnerToken.isAlive(token));
      new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
      await().atMost(Duration.ofSeconds(10)).until(() -> ProcessIdentity.hasExited(pid));
      assertTrue(ProcessHandle.of(pid).isPresent(), "still in the process table");
      assertFalse(OwnerToken.isAlive(token));
    } finally {
      parent.destroyForcibly().waitFor();
    }
  }

  @Test
  void thisProcessIsAliveAndNobodyIsNot() {
    assertTrue(OwnerToken.isAlive(OwnerToken.self()));
    assertFalse(OwnerToken.isAlive(0));
  }
}
