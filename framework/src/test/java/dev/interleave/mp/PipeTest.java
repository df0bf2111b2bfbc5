package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pipe and Connection behaviour within one JVM (threads on both ends). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PipeTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Pipe> pipes = new ArrayList<>();

  @AfterEach
  void closeAll() {
    pool.shutdownNow();
    for (Pipe p : pipes) {
      p.first().close();
      p.second().close();
    }
  }

  private Pipe pipe(boolean duplex) {
    Pipe p = Pipe.open(duplex);
    pipes.add(p);
    return p;
  }

  record Point(int x, int y) implements java.io.Serializable {}

  @Test
  void objectsOfEveryShapeArriveAsEqualCopies() throws Exception {
    Pipe p = pipe(true);
    List<Object> values = List.of(42, -7L, 2.5, true, false, "ascii", "ünïcödé", new byte[] {1, 2},
        List.of(1, "two"), Map.of("k", 3), LocalDate.of(2024, 2, 29), new Point(3, 4),
        new int[] {5, 6});
    for (Object v : values) {
      p.first().send(v);
      Object back = p.second().recv();
      if (v instanceof byte[] b) {
        assertArrayEquals(b, (byte[]) back);
      } else if (v instanceof int[] a) {
        assertArrayEquals(a, (int[]) back);
      } else {
        assertEquals(v, back);
      }
    }
    p.second().send(null);
    assertNull(p.first().recv());
  }

  @Test
  void duplexEndsTalkBothWays() throws Exception {
    Pipe p = pipe(true);
    p.first().send("ping");
    assertEquals("ping", p.second().recv());
    p.second().send("pong");
    assertEquals("pong", p.first().recv());
  }

  @Test
  void oneWayPipeRefusesTheWrongDirection() {
    Pipe p = pipe(false);
    assertTrue(p.first().readable());
    assertFalse(p.first().writable());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.first().send(1));
    assertTrue(e.getMessage().contains("receive-only"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> p.second().recv());
    assertTrue(e.getMessage().contains("send-only"), e.getMessage());
  }

  @Test
  void aMessageMuchLargerThanTheRingStreamsThrough() throws Exception {
    Pipe p = pipe(false);
    byte[] big = new byte[24 << 20];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + (i >>> 11));
    }
    Future<?> sender = pool.submit(() -> {
      p.second().sendBytes(big);
      p.second().sendBytes(big, 5, 1000);
      return null;
    });
    assertArrayEquals(big, p.first().recvBytes());
    byte[] small = p.first().recvBytes();
    assertEquals(1000, small.length);
    assertEquals(big[5], small[0]);
    sender.get(10, TimeUnit.SECONDS);
  }

  @Test
  void recvBytesIntoFillsTheBufferAtTheOffset() throws Exception {
    Pipe p = pipe(false);
    p.second().sendBytes(new byte[] {7, 8, 9});
    byte[] buf = new byte[10];
    assertEquals(3, p.first().recvBytesInto(buf, 4));
    assertArrayEquals(new byte[] {0, 0, 0, 0, 7, 8, 9, 0, 0, 0}, buf);
  }

  @Test
  void aBufferTooShortCarriesTheWholeMessage() throws Exception {
    Pipe p = pipe(false);
    byte[] msg = new byte[5000];
    msg[4999] = 9;
    p.second().sendBytes(msg);
    p.second().sendBytes(new byte[] {1});
    BufferTooShortException e = assertThrows(BufferTooShortException.class,
        () -> p.first().recvBytesInto(new byte[100], 10));
    assertArrayEquals(msg, e.message());
    assertArrayEquals(new byte[] {1}, p.first().recvBytes());
  }

  @Test
  void aMessageOverMaxLengthFailsAndClosesTheConnection() throws Exception {
    Pipe p = pipe(false);
    p.second().sendBytes(new byte[100]);
    MessageTooLongException e = assertThrows(MessageTooLongException.class,
        () -> p.first().recvBytes(99));
    assertTrue(e.getMessage().contains("100 bytes exceeds the limit of 99"), e.getMessage());
    assertTrue(p.first().isClosed());
    assertThrows(IllegalStateException.class, () -> p.first().recvBytes());
    assertThrows(IllegalArgumentException.class, () -> pipe(false).first().recvBytes(-1));
  }

  @Test
  void recvAfterTheOtherEndClosesDrainsThenReportsEndOfFile() throws Exception {
    Pipe p = pipe(false);
    p.second().send("last words");
    p.second().close();
    assertTrue(p.first().poll());
    assertEquals("last words", p.first().recv());
    assertTrue(p.first().poll(), "end-of-file pending counts as readable");
    assertThrows(ConnectionEOFException.class, () -> p.first().recv());
  }

  @Test
  void aBlockedRecvWakesWithEndOfFileWhenTheOtherEndCloses() throws Exception {
    Pipe p = pipe(true);
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    pool.submit(() -> {
      try {
        p.first().recv();
        failure.complete(null);
      } catch (Throwable t) {
        failure.complete(t);
      }
    });
    assertFalse(p.first().poll(Duration.ofMillis(50)));
    p.second().close();
    Throwable t = failure.get(5, TimeUnit.SECONDS);
    assertTrue(t instanceof ConnectionEOFException, String.valueOf(t));
  }

  @Test
  void sendToAClosedEndIsABrokenPipe() {
    Pipe p = pipe(true);
    p.first().close();
    assertThrows(BrokenPipeException.class, () -> p.second().send("anyone?"));
  }

  @Test
  void aClosedConnectionRefusesUse() {
    Pipe p = pipe(true);
    p.first().close();
    p.first().close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.first().send(1));
    assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> p.first().recv());
    assertThrows(IllegalStateException.class, () -> p.first().poll());
  }

  @Test
  void pollWaitsAtMostItsTimeoutAndRejectsNegativeOnes() throws Exception {
    Pipe p = pipe(true);
    assertFalse(p.first().poll());
    long t0 = System.nanoTime();
    assertFalse(p.first().poll(Duration.ofMillis(100)));
    assertTrue(System.nanoTime() - t0 >= 90_000_000L);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.first().poll(Duration.ofMillis(-5)));
    assertEquals("timeout cannot be negative but was: PT-0.005S", e.getMessage());
    p.second().send(1);
    assertTrue(p.first().poll(Duration.ofSeconds(5)));
    p.first().awaitReadable();
  }

  @Test
  void anUnserializableObjectFailsAtTheCallSiteAndSendsNothing() throws Exception {
    Pipe p = pipe(true);
    Object bad = List.of(new Object());
    SerializationException e = assertThrows(SerializationException.class,
        () -> p.first().send(bad));
    assertTrue(e.getMessage().contains("java.lang.Object is not Serializable"), e.getMessage());
    assertFalse(p.second().poll());
  }

  @Test
  void waitReturnsTheReadyConnections() throws Exception {
    Pipe a = pipe(true);
    Pipe b = pipe(true);
    List<Connection> both = List.of(a.first(), b.first());
    assertEquals(List.of(), Connection.await(both, Duration.ofMillis(20)));
    b.second().send("b");
    assertEquals(List.of(b.first()), Connection.await(both, Duration.ofSeconds(5)));
    a.second().send("a");
    assertEquals(both, Connection.await(both));
    assertThrows(IllegalArgumentException.class,
        () -> Connection.await(both, Duration.ofSeconds(-1)));
  }

  @Test
  void manyThreadsSendingConcurrentlyNeverInterleaveMessages() throws Exception {
    Pipe p = pipe(false);
    int threads = 4;
    int each = 200;
    for (int t = 0; t < threads; t++) {
      byte fill = (byte) t;
      pool.submit(() -> {
        for (int i = 0; i < each; i++) {
          byte[] msg = new byte[(i % 3 == 0) ? 700_000 : 64];
          java.util.Arrays.fill(msg, fill);
          p.second().sendBytes(msg);
        }
        return null;
      });
    }
    for (int i = 0; i < threads * each; i++) {
      byte[] msg = p.first().recvBytes();
      for (byte x : msg) {
        assertEquals(msg[0], x);
      }
    }
  }

  @Test
  void closingEveryHandleOfAPipeRemovesItsRings() throws Exception {
    java.util.Set<java.nio.file.Path> before = PipeFiles.mine();
    Pipe pipe = Pipe.open();
    java.nio.file.Path file = PipeFiles.added(before);
    pipe.first().send("kept until read");
    assertTrue(java.nio.file.Files.exists(file), "an open pipe has its file");
    assertEquals("kept until read", pipe.second().recv());
    pipe.first().close();
    assertTrue(java.nio.file.Files.exists(file), "one end still open: the file stays");
    pipe.second().close();
    assertFalse(java.nio.file.Files.exists(file), "no handle left anywhere: the file is gone");
  }
}
