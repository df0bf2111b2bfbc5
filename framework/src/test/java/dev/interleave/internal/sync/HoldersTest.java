package dev.interleave.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.interleave.internal.shm.ProcessIdentity;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HoldersTest {

  @Test
  void aCodeKeepsPidAndStartTime() {
    ProcessIdentity me = ProcessIdentity.current();
    long code = Holders.code(me);
    assertThat(code).isPositive();
    assertThat(Holders.identity(code)).isEqualTo(me);
    assertThat(Holders.describe(code)).isEqualTo("pid " + me.pid());
    assertThat(Holders.isDead(code)).isFalse();
  }

  @Test
  void aRecycledPidIsNotTheSameProcess() {
    ProcessIdentity me = ProcessIdentity.current();
    long older = Holders.code(new ProcessIdentity(me.pid(), me.startMillis() - 60_000));
    assertThat(Holders.identity(older).isAlive()).isFalse();
  }

  @Test
  void pidsOutOfRangeAreRejected() {
    assertThatThrownBy(() -> Holders.code(new ProcessIdentity(1L << 23, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("process id out of the supported range 1..8388607: 8388608");
  }

  @Test
  void aZombieCountsAsDead() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
    // The shell starts a child that exits at once, then becomes sleep, which never reaps it.
    java.lang.Process sh = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 20")
        .start();
    try {
      long zombie;
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(sh.getInputStream(), StandardCharsets.UTF_8))) {
        zombie = Long.parseLong(r.readLine().trim());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
            .until(() -> ProcessIdentity.hasExited(zombie));
        ProcessIdentity id = new ProcessIdentity(zombie, 0);
        assertThat(ProcessHandle.of(zombie).map(ProcessHandle::isAlive)).contains(true);
        assertThat(id.isAlive()).isFalse();
        assertThat(Holders.isDead(Holders.code(id))).isTrue();
      }
    } finally {
      sh.destroyForcibly();
      sh.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
