package dev.interleave.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.mp.Children;
import dev.interleave.mp.Pipe;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import dev.interleave.mp.RootPrograms;
import dev.interleave.mp.TinyFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full file system under the spill directory or the shared-memory directory (a small tmpfs,
 * mounted for the test; skipped where mounting is not allowed): the call that needs the space
 * fails with a message naming the directory, and everything made or queued before stays whole.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class NoSpaceTest {
  private static final int SPILL_FS_KIB = 16 << 10;

  @TempDir
  Path dir;

  @Test
  void aFullSpillDirectoryFailsThePutAndKeepsEveryQueuedItemWhole() throws Exception {
    int rounds = FaultSize.pick(2, 10);
    long items = 0;
    for (int r = 0; r < rounds; r++) {
      try (TinyFileSystem fs = TinyFileSystem.mount(SPILL_FS_KIB)) {
        int size = (1 << 20) + r * 333_333; // where the space runs out varies by round
        items += fillAndDrain(fs.dir(), size);
      }
    }
    Figures.report("Full spill directory", rounds + " rounds on a " + (SPILL_FS_KIB >> 10)
        + " MiB file system: each put past its end failed with NoSpaceException naming it; "
        + items + " items queued before read back whole, none corrupt or lost; the queue went on working");
  }

  /** A child puts until the directory is full; the items it queued come back whole. */
  private static long fillAndDrain(Path spillDir, int size) throws Exception {
    System.setProperty("interleave.queue.spillDir", spillDir.toString());
    Queue<byte[]> q;
    try {
      q = new Queue<>();
    } finally {
      System.clearProperty("interleave.queue.spillDir");
    }
    Pipe report = Pipe.open(false);
    Process child = new Process(FaultTargets::putUntilFull, q, size, report.second());
    child.start();
    report.second().close();
    assertThat(report.first().poll(Children.WAIT)).as("the child reports").isTrue();
    String[] got = report.first().<String>recv().split(" ", 2);
    assertThat(Children.exitCodeOf(child)).isZero();
    assertThat(got[1]).startsWith("NoSpaceException: no space in " + spillDir);
    long queued = Long.parseLong(got[0]);
    ItemTally tally = new ItemTally();
    while (!q.empty()) {
      tally.accept(q.get(Children.WAIT));
    }
    assertThat(tally.whole()).as("%s", tally).isEqualTo(queued);
    assertThat(tally.corrupt() + tally.duplicated() + tally.skipped()).as("%s", tally).isZero();
    q.put(Payloads.of(queued, 1000)); // the queue goes on working through its ring
    assertThat(Payloads.check(q.get(Children.WAIT))).isEqualTo(queued);
    q.close(); // the writer's last spill files go when this process, the creator, exits
    report.first().close();
    return queued;
  }

  @Test
  void aFullSharedMemoryDirectoryFailsCreationClearlyAndCorruptsNothing() throws Exception {
    List<Integer> sizesKib = FaultSize.full() ? List.of(2048, 4096, 6144, 8192)
        : List.of(4096);
    int kept = 0;
    for (int kib : sizesKib) {
      try (TinyFileSystem fs = TinyFileSystem.mount(kib)) {
        Path out = dir.resolve("full-shm-" + kib + ".out");
        java.lang.Process root = RootPrograms.start(out, FullShmMain.class, fs.dir().toString());
        try {
          assertThat(root.waitFor(Children.WAIT.toSeconds() * 4, TimeUnit.SECONDS)).isTrue();
        } finally {
          RootPrograms.killTree(root);
        }
        String printed = Files.readString(out);
        assertThat(root.exitValue()).as(printed).isZero();
        for (String kind : List.of("Queue", "Pipe", "Lock", "Event", "Value")) {
          assertThat(printed).as(printed).containsPattern("(?m)^" + kind + " made \\d+, then \\S+"
              + "NoSpaceException: no space in " + fs.dir());
        }
        String intact = printed.substring(printed.indexOf("intact ") + 7).trim();
        kept += Integer.parseInt(intact);
        try (Stream<Path> left = Files.list(fs.dir())) {
          assertThat(left).as("segment files after the program's exit").isEmpty();
        }
      }
    }
    Figures.report("Full /dev/shm", sizesKib.size() + " file systems of " + sizesKib + " KiB:"
        + " creating a Queue, Pipe, Lock, Event or Value past the end failed naming the"
        + " directory; the " + kept + " objects made before all worked; no file left");
  }
}
