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
        assertThat(Holders.statStartTicks(zombie)).isEqualTo(-1L);
        assertThat(Holders.isDead(Holders.code(id))).isTrue();
      }
    } finally {
      sh.destroyForcibly();
      sh.waitFor(10, TimeUnit.SECONDS);
    }
  }
  @Test
  void aStatLineGivesTheStartTimeOrTellsAZombie() {
    byte[] live = "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 10 0 0 0 1 2 0 0 20 0 1 0 987654 1 2\n"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(Holders.parseStartTicks(live, live.length)).isEqualTo(987_654L);
    byte[] zombie = "4242 (x) Z 1 4242 4242 0 -1 4194560 10 0 0 0 1 2 0 0 20 0 1 0 987654 0 0\n"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(Holders.parseStartTicks(zombie, zombie.length)).isEqualTo(-1L);
    byte[] cut = "4242 (x) S 1 4242".getBytes(StandardCharsets.US_ASCII);
    assertThat(Holders.parseStartTicks(cut, cut.length)).isEqualTo(-2L);
  }

  @Test
  void aHolderSeenAliveIsFoundDeadOnceItExits() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
    java.lang.Process sleeper = new ProcessBuilder("sleep", "20").start();
    try {
      long pid = sleeper.pid();
      long ticks = Holders.statStartTicks(pid);
      assertThat(ticks).isNotNegative();
      assertThat(Holders.statStartTicks(pid)).isEqualTo(ticks);
      long code = Holders.code(ProcessIdentity.of(sleeper.toHandle()));
      assertThat(Holders.isDead(code)).isFalse(); // first check: remembers its start time
      sleeper.destroyForcibly();
      sleeper.waitFor();
      assertThat(Holders.statStartTicks(pid)).isNotEqualTo(ticks); // gone (-1), or pid reused
      // later checks read /proc once (an answer of alive is reused for 2 ms)
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
          .until(() -> Holders.isDead(code));
    } finally {
      sleeper.destroyForcibly();
      sleeper.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
