package dev.interleave.internal.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.internal.shm.ProcessIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener's private directory is named after its creator, so that the directory of a creator
 * killed with {@code kill -9} (no exit code ran) is removed by a later process.
 */
class SocketDirectorySweepTest {
  @TempDir
  Path parent;

  @Test
  void directoriesOfDeadCreatorsAreRemovedAndOthersKept() throws Exception {
    java.lang.Process gone = new ProcessBuilder("true").start();
    ProcessIdentity dead = ProcessIdentity.of(gone.toHandle());
    assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
    ProcessIdentity me = ProcessIdentity.current();
    Path deadDir = socketDir("interleave-ipc-" + dead.pid() + "-" + dead.startMillis() + "-1");
    Path liveDir = socketDir("interleave-ipc-" + me.pid() + "-" + me.startMillis() + "-2");
    Path unnamed = socketDir("interleave-ipc-12345678901234567");
    assertThat(SocketListener.sweepStale(parent)).isOne();
    assertThat(deadDir).doesNotExist();
    assertThat(liveDir.resolve("listener.sock")).exists();
    assertThat(unnamed.resolve("listener.sock")).as("a directory naming no creator").exists();
  }

  @Test
  void aListenersDirectoryNamesItsCreator() {
    try (SocketListener l = SocketListener.bind(null, 1)) {
      assertThat(SocketListener.creatorOf(l.address().getParent().getFileName().toString()))
          .isEqualTo(ProcessIdentity.current());
    }
  }

  private Path socketDir(String name) throws Exception {
    Path dir = Files.createDirectory(parent.resolve(name));
    Files.writeString(dir.resolve("listener.sock"), "");
    return dir;
  }
}
