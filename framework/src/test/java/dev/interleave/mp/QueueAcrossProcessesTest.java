package dev.interleave.mp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queues between real child JVMs, including peers killed with SIGKILL. */
@Timeout(180)
class QueueAcrossProcessesTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @RegisterExtension
  final Children children = new Children();

  private Process start(Process p) {
    return children.start(p);
  }

  @Test
  void aProducerThatExitsWithItemsQueuedCanBeJoinedFirst() throws Exception {
    Queue<byte[]> q = new Queue<>();
    Process child = start(new Process(IpcChildren::putBlobs, q, 200, 100_000));
    assertTrue(child.join(WAIT), "20 MB left in the queue do not keep the producer alive");
    assertEquals(OptionalInt.of(0), child.exitCode());
    for (int i = 0; i < 200; i++) {
      assertArrayEquals(QueueTest.payload(i, 100_000), q.get());
    }
    assertNull(q.get());
  }

  @Test
  void aProducerKilledMidPutNeverBlocksTheOthers() throws Exception {
    Queue<byte[]> q = new Queue<>();
    int size = 6 << 20;
    Process child = start(new Process(IpcChildren::putBlobsForever, q, size));
    assertArrayEquals(QueueTest.payload(0, size), q.get(WAIT));
    child.kill();
    assertTrue(child.join(WAIT));
    q.put(QueueTest.payload(-1, 10)); // a put never waits for a consumer, dead or alive
    for (int i = 1; ; i++) {
      byte[] item = q.get(Duration.ofSeconds(5));
      if (item.length == 10) {
        assertArrayEquals(QueueTest.payload(-1, 10), item);
        break;
      }
      assertArrayEquals(QueueTest.payload(i, size), item, "no partial item");
    }
    assertTrue(q.empty());
  }

  @Test
  void aConsumerKilledMidGetNeverBlocksTheOthers() throws Exception {
    Queue<byte[]> q = new Queue<>();
    int size = 4 << 20;
    int n = 40;
    for (int i = 0; i < n; i++) {
      q.put(QueueTest.payload(i, size));
    }
    Process child = start(new Process(IpcChildren::getForever, q));
    await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> q.qsize() < n - 3);
    child.kill();
    assertTrue(child.join(WAIT));
    q.put(QueueTest.payload(-1, 10)); // each get below fails after 5 s if the dead consumer blocks it
    int expected = -1;
    for (byte[] item = q.get(Duration.ofSeconds(5)); item.length != 10;
        item = q.get(Duration.ofSeconds(5))) {
      int index = item[item.length - 1];
      assertTrue(expected < 0 || index == expected, "items in order, none skipped");
      assertArrayEquals(QueueTest.payload(index, size), item, "no partial item");
      expected = index + 1;
    }
    assertTrue(expected < 0 || expected == n, "every item after the first one left was got");
  }

  @Test
  void workersMarkTasksDoneAcrossProcesses() throws Exception {
    JoinableQueue<Integer> tasks = new JoinableQueue<>();
    Queue<Integer> results = new Queue<>();
    for (int i = 1; i <= 100; i++) {
      tasks.put(i);
    }
    Process a = start(new Process(IpcChildren::work, tasks, results));
    Process b = start(new Process(IpcChildren::work, tasks, results));
    assertTrue(tasks.join(WAIT));
    tasks.put(null);
    tasks.put(null);
    assertTrue(tasks.join(WAIT));
    int sum = 0;
    for (int i = 0; i < 100; i++) {
      sum += results.get(WAIT);
    }
    assertEquals(338_350, sum);
    assertTrue(a.join(WAIT) && b.join(WAIT));
  }

  @Test
  void aSimpleQueueCrossesProcesses() throws Exception {
    SimpleQueue<String> q = new SimpleQueue<>();
    Process child = start(new Process(IpcChildren::putSimple, q));
    assertEquals("from child", q.get());
    assertTrue(child.join(WAIT));
  }
}
