package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Where queues spill, their limit, and a full file system, with real child JVMs. */
@Timeout(180)
class QueueSpaceTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int ITEM = 600_000; // more than a quarter of the ring: spills at once

  @TempDir
  Path spillDir;

  /** Creates a queue while the system properties name a spill directory and limit. */
  private static <T> T withSpill(Path dir, String limit, Supplier<T> create) {
    System.setProperty("interleave.queue.spillDir", dir.toString());
    if (limit != null) {
      System.setProperty("interleave.queue.spillLimit", limit);
    }
    try {
      return create.get();
    } finally {
      System.clearProperty("interleave.queue.spillDir");
      System.clearProperty("interleave.queue.spillLimit");
    }
  }

  private static String childReport(Queue<byte[]> q, int count) throws Exception {
    Pipe pipe = Pipe.open(false);
    Process child = new Process(IpcChildren::putUntilFailure, q, count, ITEM, pipe.second());
    child.start();
    try {
      pipe.second().close();
      assertTrue(pipe.first().poll(WAIT), "the child reports");
      return pipe.first().recv();
    } finally {
      assertTrue(child.join(WAIT));
    }
  }

  @Test
  void aChildsPutIntoAFullFileSystemFailsWithNoSpaceNamingDirectorySizeAndFreeSpace()
      throws Exception {
    try (TinyFileSystem fs = TinyFileSystem.mount(512)) {
      Queue<byte[]> q = withSpill(fs.dir(), null, Queue::new);
      String report = childReport(q, 1);
      assertTrue(report.startsWith("NoSpaceException: no space in " + fs.dir()), report);
      assertTrue(report.matches(".*for the \\d+-byte spill file of queue:.*: \\d+ bytes free.*"),
          report);
      assertTrue(q.empty(), "nothing half-queued");
      q.close();
    }
  }

  @Test
  void spillFilesGoToTheConfiguredDirectoryAndAreDeletedOnceRead() throws Exception {
    Queue<byte[]> q = withSpill(spillDir, null, Queue::new);
    assertEquals("no exception", childReport(q, 3));
    try (Stream<Path> files = Files.list(spillDir)) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().contains(".s")),
          "items wait in a spill file of the configured directory");
    }
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(QueueTest.payload(i, ITEM), q.get(WAIT));
    }
    assertTrue(q.empty(), "three items only");
    q.put(new byte[] {7}); // fits the ring: the writer leaves the spill file
    assertArrayEquals(new byte[] {7}, q.get(WAIT));
    try (Stream<Path> files = Files.list(spillDir)) {
      assertEquals(0, files.count(), "spill files read to the end are deleted");
    }
    q.close();
  }

  @Test
  void spillingPastTheLimitFailsClearlyAndRoomComesBackOnceItemsAreTaken() throws Exception {
    Queue<byte[]> q = withSpill(spillDir, "2000000", Queue::new);
    String report = childReport(q, 5);
    assertTrue(report.startsWith("NoSpaceException: cannot queue an item of " + (ITEM + 1)
        + " serialized bytes on queue:"), report);
    assertTrue(report.contains("would pass their limit of 2000000 bytes"), report);
    int queued = 0;
    while (!q.empty()) {
      assertArrayEquals(QueueTest.payload(queued, ITEM), q.get(WAIT));
      queued++;
    }
    assertTrue(queued >= 2 && queued < 5, "items before the limit stay queued: " + queued);
    assertEquals("no exception", childReport(q, 2), "taking items frees their spill files");
    q.close();
  }

  @Test
  void aMalformedLimitIsRejectedWhenTheQueueIsCreated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> withSpill(spillDir, "lots", Queue::new));
    assertEquals("interleave.queue.spillLimit must be a positive number of bytes but was: lots",
        e.getMessage());
  }
}
