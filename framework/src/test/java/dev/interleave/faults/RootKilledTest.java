package dev.interleave.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interleave.internal.shm.SharedMemory;
import dev.interleave.mp.Children;
import dev.interleave.mp.RootPrograms;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root JVM killed with {@code kill -9} while it has children, a manager, warm JVMs and files:
 * every JVM it started exits, and once the program is started again, no shared-memory, spill or
 * socket file of the killed tree is left. Measured: the time from the kill to the last JVM of
 * the tree gone.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class RootKilledTest {
  private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

  @TempDir
  Path dir;

  @Test
  void everyChildExitsAndTheNextStartLeavesNoFileOfTheKilledTree() throws Exception {
    List<Long> toAllGone = new ArrayList<>();
    int jvms = 0;
    int rounds = FaultSize.pick(1, 8);
    for (int r = 0; r < rounds; r++) {
      java.lang.Process root = RootPrograms.start(dir.resolve("root-" + r + ".out"),
          KilledRootMain.class, dir.resolve("root-" + r + ".log").toString(), "hold");
      try {
        List<Path> left = killedTreeFiles(root, dir.resolve("root-" + r + ".log"));
        List<ProcessHandle> tree = Stream.concat(Stream.of(root.toHandle()), root.descendants())
            .toList();
        jvms += tree.size();
        long killedAt = System.nanoTime();
        root.destroyForcibly();
        await("every JVM of the killed root's tree to exit").atMost(Children.WAIT)
            .until(() -> tree.stream().noneMatch(h -> RootPrograms.alive(h.pid())));
        toAllGone.add(System.nanoTime() - killedAt);
        startAgain(r);
        assertThat(left.stream().filter(Files::exists)).as("files of the killed tree after the"
            + " next start").isEmpty();
        assertThat(filesOf(tree)).as("shared-memory and spill files named after the killed"
            + " tree's processes").isEmpty();
      } finally {
        RootPrograms.killTree(root);
      }
    }
    Figures.report("Root JVM killed", "kill to every JVM of the tree gone (" + jvms / rounds
        + " JVMs: root, manager, 2 children, warm JVMs): " + Figures.millis(toAllGone)
        + " kills; no shared-memory, spill or socket file left after the next start");
  }

  /** Waits for the root to be ready; the socket files and segments its tree made, checked. */
  private static List<Path> killedTreeFiles(java.lang.Process root, Path log) throws Exception {
    await("the root program to be ready").atMost(Children.WAIT.multipliedBy(2))
        .until(() -> Files.exists(log) || !root.isAlive());
    assertThat(Files.readString(log)).endsWith("ready\n");
    List<Path> files = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("listener ") || line.startsWith("manager ")) {
        Path socket = Path.of(line.substring(line.indexOf(' ') + 1));
        files.add(socket);
        files.add(socket.getParent());
      }
    }
    assertThat(files).as("socket files of the tree").hasSize(4).allMatch(Files::exists);
    assertThat(filesOf(List.of(root.toHandle()))).as("the root's own segments").isNotEmpty();
    return files;
  }

  /** Runs the program again to its normal end: the start after the kill. */
  private void startAgain(int round) throws Exception {
    Path out = dir.resolve("next-" + round + ".out");
    java.lang.Process next = RootPrograms.start(out, KilledRootMain.class,
        dir.resolve("next-" + round + ".log").toString(), "exit");
    try {
      assertThat(next.waitFor(Children.WAIT.toSeconds() * 2, TimeUnit.SECONDS)).isTrue();
      assertThat(next.exitValue()).as(Files.readString(out)).isZero();
    } finally {
      RootPrograms.killTree(next);
    }
  }

  /** Segment and spill files named after any of {@code processes}. */
  private static List<Path> filesOf(List<ProcessHandle> processes) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path d : List.of(SharedMemory.directory(), TMP)) {
      for (ProcessHandle h : processes) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(d,
            SharedMemory.PREFIX + h.pid() + "-*")) {
          files.forEach(found::add);
        }
      }
    }
    return found;
  }
}
