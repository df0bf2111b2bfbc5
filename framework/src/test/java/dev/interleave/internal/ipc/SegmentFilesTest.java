package dev.interleave.internal.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.internal.shm.SharedMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** The files behind pipes, queues and spill logs. */
class SegmentFilesTest {

  @Test
  void pipeAndQueueSegmentsAreReadableByTheirOwnerOnly() throws Exception {
    RingChannel[] ends = RingChannel.pipe(true);
    QueueChannel q = QueueChannel.create(0);
    for (Path p : new Path[] {ends[0].segment().path(), q.segment().path()}) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
    }
    ends[0].close();
    ends[1].close();
    SharedMemory.release(ends[0].segment());
    SharedMemory.release(q.segment());
  }

  @Test
  void spillLogsAreNamedAfterTheirQueueInTheTemporaryDirectoryAndRemovedOnceRead()
      throws Exception {
    QueueChannel q = QueueChannel.create(0);
    Codec.Encoded big = Codec.encodeParts(new byte[600_000]);
    q.put(big, Deadlines.NONE, false); // more than a quarter of the ring: spilled
    Path log = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()
        .resolve(q.segment().name() + ".s1");
    assertTrue(Files.exists(log), "not in " + SharedMemory.directory());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    assertEquals(600_000, q.take(Deadlines.NONE).body().length);
    assertTrue(q.take(System.nanoTime()) == null);
    q.put(Codec.encodeParts(1), Deadlines.NONE, false); // the reader left the chain
    assertEquals(1, Codec.decode(q.take(Deadlines.NONE), ClassRules.DEFAULTS));
    assertFalse(Files.exists(log), "a log is deleted once read");
    SharedMemory.release(q.segment());
  }
}
