package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Queue behaviour within one JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueueTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void itemsComeOutInTheOrderTheyWentIn() throws Exception {
    Queue<Object> q = new Queue<>();
    List<Object> items = List.of(1, "two", 3L, List.of(4), 5.0, true);
    for (Object o : items) {
      q.put(o);
    }
    q.put(null);
    assertEquals(items.size() + 1, q.qsize());
    for (Object o : items) {
      assertEquals(o, q.get());
    }
    assertNull(q.get());
    assertTrue(q.empty());
  }

  @Test
  void aBoundedQueueRefusesOrWaitsWhenFull() throws Exception {
    Queue<Integer> q = new Queue<>(2);
    assertEquals(2, q.maxsize());
    q.put(1);
    q.putNowait(2);
    assertTrue(q.full());
    QueueFullException e = assertThrows(QueueFullException.class, () -> q.putNowait(3));
    assertTrue(e.getMessage().endsWith("is full (maxsize 2)"), e.getMessage());
    long t0 = System.nanoTime();
    assertThrows(QueueFullException.class, () -> q.put(3, Duration.ofMillis(100)));
    assertTrue(System.nanoTime() - t0 >= 90_000_000L);
    Future<?> blocked = pool.submit(() -> {
      q.put(3);
      return null;
    });
    assertEquals(1, q.get());
    blocked.get(5, TimeUnit.SECONDS);
    assertEquals(2, q.get());
    assertEquals(3, q.get());
  }

  @Test
  void anEmptyQueueRefusesOrWaits() throws Exception {
    Queue<Integer> q = new Queue<>();
    assertThrows(QueueEmptyException.class, q::getNowait);
    long t0 = System.nanoTime();
    assertThrows(QueueEmptyException.class, () -> q.get(Duration.ofMillis(100)));
    assertTrue(System.nanoTime() - t0 >= 90_000_000L);
    Future<Integer> waiting = pool.submit(() -> q.get());
    q.put(7);
    assertEquals(7, waiting.get(5, TimeUnit.SECONDS));
  }

  @Test
  void negativeTimeoutsAreRejectedWithTheirValue() {
    Queue<Integer> q = new Queue<>(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> q.get(Duration.ofSeconds(-2)));
    assertEquals("timeout cannot be negative but was: PT-2S", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> q.put(1, Duration.ofNanos(-1)));
  }

  @Test
  void anUnserializableItemFailsInsidePutAndLeavesTheQueueUntouched() throws Exception {
    Queue<Object> q = new Queue<>();
    SerializationException e = assertThrows(SerializationException.class,
        () -> q.put(new Thread()));
    assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
    assertEquals(0, q.qsize());
    q.put("fine");
    assertEquals("fine", q.getNowait());
  }

  @Test
  void aClosedHandleRefusesPutsAndGetsNamingTheQueue() throws Exception {
    Queue<Integer> q = new Queue<>();
    IllegalStateException e = assertThrows(IllegalStateException.class, q::joinThread);
    assertTrue(e.getMessage().contains("must be closed"), e.getMessage());
    q.close();
    q.close();
    e = assertThrows(IllegalStateException.class, () -> q.put(1));
    assertTrue(e.getMessage().matches("cannot put into Queue\\[queue:.+\\]: it is closed"),
        e.getMessage());
    assertThrows(IllegalStateException.class, q::getNowait);
    q.joinThread();
    q.cancelJoinThread();
  }

  @Test
  void putNeverWaitsForAConsumerItemsSpillBeyondTheRing() throws Exception {
    Queue<byte[]> q = new Queue<>();
    int n = 300;
    for (int i = 0; i < n; i++) {
      q.put(payload(i, 100_000 + (i % 7) * 1000));
    }
    q.put(payload(-1, 5 << 20));
    assertEquals(n + 1, q.qsize());
    for (int i = 0; i < n; i++) {
      assertArrayEquals(payload(i, 100_000 + (i % 7) * 1000), q.get());
    }
    assertArrayEquals(payload(-1, 5 << 20), q.get());
    assertTrue(q.empty());
  }

  @Test
  void aProducerAndAConsumerRacingThroughRingAndSpillKeepOrder() throws Exception {
    Queue<byte[]> q = new Queue<>();
    int n = 3000;
    Future<?> producer = pool.submit(() -> {
      Random r = new Random(1);
      for (int i = 0; i < n; i++) {
        q.put(payload(i, r.nextInt(10) == 0 ? 200_000 + r.nextInt(400_000) : r.nextInt(3000)));
      }
      return null;
    });
    Random r = new Random(1);
    for (int i = 0; i < n; i++) {
      int size = r.nextInt(10) == 0 ? 200_000 + r.nextInt(400_000) : r.nextInt(3000);
      assertArrayEquals(payload(i, size), q.get(), "item " + i);
    }
    producer.get(10, TimeUnit.SECONDS);
  }

  @Test
  void joinableQueueCountsUnfinishedTasks() throws Exception {
    JoinableQueue<String> q = new JoinableQueue<>();
    q.put("a");
    q.put("b");
    assertFalse(q.join(Duration.ofMillis(20)));
    Future<?> worker = pool.submit(() -> {
      for (int i = 0; i < 2; i++) {
        q.get();
        q.taskDone();
      }
      return null;
    });
    q.join();
    worker.get(5, TimeUnit.SECONDS);
    IllegalStateException e = assertThrows(IllegalStateException.class, q::taskDone);
    assertTrue(e.getMessage().startsWith("taskDone() called more times than items were put"),
        e.getMessage());
    assertTrue(q.join(Duration.ZERO));
  }

  @Test
  void simpleQueuePutsAndGets() throws Exception {
    SimpleQueue<Integer> q = new SimpleQueue<>();
    assertTrue(q.empty());
    for (int i = 0; i < 1000; i++) {
      q.put(i);
    }
    assertFalse(q.empty());
    for (int i = 0; i < 1000; i++) {
      assertEquals(i, q.get());
    }
    q.close();
    assertThrows(IllegalStateException.class, () -> q.put(1));
  }

  @Test
  void aRejectedClassIsDroppedAndTheQueueGoesOn() throws Exception {
    Queue<Object> q = new Queue<>(0, SerialFilter.jdkOnly());
    q.put(new ConnectionSerialFilterTest.Tracked());
    q.put("ok");
    assertThrows(RejectedClassException.class, q::get);
    assertEquals("ok", q.get());
  }

  @Test
  void aDeserializedQueueIsAHandleOfTheSameQueue() throws Exception {
    JoinableQueue<String> q = new JoinableQueue<>();
    @SuppressWarnings("unchecked")
    JoinableQueue<String> copy = (JoinableQueue<String>) ConnectionHandOffTest.roundTrip(q);
    copy.put("via copy");
    assertEquals("via copy", q.get());
    q.taskDone();
    assertTrue(copy.join(Duration.ZERO));
    SimpleQueue<Integer> s = new SimpleQueue<>();
    @SuppressWarnings("unchecked")
    SimpleQueue<Integer> sc = (SimpleQueue<Integer>) ConnectionHandOffTest.roundTrip(s);
    s.put(5);
    assertEquals(5, sc.get());
  }

  @Test
  void pipeEndsAndQueuesTravelInsideMessagesWhateverTheFilter() throws Exception {
    Queue<Object> q = new Queue<>(0, SerialFilter.none());
    Pipe p = Pipe.open();
    Queue<String> inner = new Queue<>();
    q.put(p.second());
    q.put(inner);
    Connection end = (Connection) q.get();
    @SuppressWarnings("unchecked")
    Queue<String> innerCopy = (Queue<String>) q.get();
    end.send("through a travelled end");
    assertEquals("through a travelled end", p.first().recv());
    innerCopy.put("through a travelled queue");
    assertEquals("through a travelled queue", inner.get());
    end.close();
    p.first().close();
    p.second().close();
  }

  static byte[] payload(int seed, int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i += 512) {
      b[i] = (byte) (seed * 7 + i / 512);
    }
    if (size > 0) {
      b[size - 1] = (byte) seed;
    }
    return b;
  }
}
