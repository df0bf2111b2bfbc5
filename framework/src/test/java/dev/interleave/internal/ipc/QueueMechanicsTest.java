package dev.interleave.internal.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The queue's ring and spill logs, driven step by step in one thread. */
@Timeout(30)
class QueueMechanicsTest {
  private static final long LIMIT = 64 << 20;

  @TempDir
  static Path spillDir;

  private final QueueSegment queue = QueueSegment.create(0, 4096, LIMIT);
  private final SpillLogs logs = new SpillLogs(queue, spillDir);
  private final QueueWriter writer = new QueueWriter(queue, logs);
  private final QueueReader reader = new QueueReader(queue, logs);

  private static Codec.Encoded item(int seed, int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (seed * 31 + i);
    }
    return new Codec.Encoded(Codec.BYTES, b, 0, size);
  }

  private void write(Codec.Encoded e) throws InterruptedException {
    writer.write(e, 0); // no waiting for room: spill at once
  }

  @Test
  void itemsKeepTheirOrderThroughRingSpillAndBack() throws Exception {
    Random r = new Random(7);
    ArrayDeque<Codec.Encoded> expected = new ArrayDeque<>();
    for (int step = 0; step < 3000; step++) {
      if (r.nextInt(3) > 0 || expected.isEmpty()) {
        Codec.Encoded e = item(step, r.nextInt(8) == 0 ? 2000 + r.nextInt(5000) : r.nextInt(300));
        write(e);
        expected.add(e);
      } else {
        Codec.Item got = reader.take();
        assertArrayEquals(expected.poll().body(), got.body(), "step " + step);
      }
    }
    while (!expected.isEmpty()) {
      assertArrayEquals(expected.poll().body(), reader.take().body());
    }
    assertNull(reader.take());
    write(item(-1, 10));
    assertEquals(0, queue.ring.intAt(RingLayout.WRITE_LOG), "the reader caught up: ring again");
    assertArrayEquals(item(-1, 10).body(), reader.take().body());
  }

  @Test
  void aWriterThatDiedBeforePublishingItsSpillChunkIsCompleted() throws Exception {
    Ring ring = queue.ring;
    write(item(1, 3000)); // fills most of the 4 KiB ring
    int n = queue.addInt(QueueSegment.LOGS, 1) + 1;
    logs.create(n, 100).append(item(2, 100));
    long tail = ring.tail();
    ring.putLong(tail, Chunk.header(Chunk.SPILL, 8));
    ring.putLong(tail + Chunk.HEADER, n);
    ring.setIntAt(RingLayout.WRITE_LOG, n); // ... and the writer dies before advancing the tail
    Fixtures.holdLock(ring, RingLayout.WRITER_LOCK, Fixtures.deadToken());

    assertEquals(OwnerLock.Acquired.RECOVERED, ring.writerLock.tryLock(true));
    writer.repair();
    write(item(3, 50));
    ring.writerLock.unlock();

    assertArrayEquals(item(1, 3000).body(), reader.take().body());
    assertArrayEquals(item(2, 100).body(), reader.take().body(), "the spilled item is found");
    assertArrayEquals(item(3, 50).body(), reader.take().body());
    assertNull(reader.take());
  }

  @Test
  void aWriterThatDiedAfterLinkingALogIsFollowed() throws Exception {
    Ring ring = queue.ring;
    write(item(1, 3500));
    write(item(2, 3500)); // spills into log 1
    int current = ring.intAt(RingLayout.WRITE_LOG);
    int n = queue.addInt(QueueSegment.LOGS, 1) + 1;
    logs.create(n, SpillLogs.DEFAULT_BYTES).append(item(3, 10));
    logs.get(current).link(n); // ... and dies before recording the new write log
    Fixtures.holdLock(ring, RingLayout.WRITER_LOCK, Fixtures.deadToken());

    assertEquals(OwnerLock.Acquired.RECOVERED, ring.writerLock.tryLock(true));
    writer.repair();
    assertEquals(n, ring.intAt(RingLayout.WRITE_LOG));
    write(item(4, 10));
    ring.writerLock.unlock();
    for (int i = 1; i <= 4; i++) {
      assertEquals(i == 1 || i == 2 ? 3500 : 10, reader.take().body().length, "item " + i);
    }
    assertNull(reader.take());
    assertTrue(ring.longAt(RingLayout.CURSOR) != 0);
  }
}
