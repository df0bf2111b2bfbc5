package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.PointHandler;
import dev.interleave.internal.runtime.Points;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Under a controlling harness, IPC operations are scheduling points and never block for real. */
@Timeout(30)
class ControlledIpcTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Recorder recorder = new Recorder();

  /** A stand-in scheduler: records points and retries blocked attempts until they succeed. */
  static final class Recorder implements PointHandler {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void point(Op op, String object, String label) {
      seen.add(op.name());
    }

    @Override
    public boolean controlsBlocking() {
      return true;
    }

    @Override
    public boolean await(Op op, String object, String label, BooleanSupplier attempt,
        long timeoutNanos, String holder) {
      seen.add("await " + op.name());
      long start = System.nanoTime();
      while (!attempt.getAsBoolean()) {
        if (timeoutNanos >= 0 && System.nanoTime() - start > timeoutNanos) {
          return false;
        }
        Thread.yield(); // the other side gets scheduled
      }
      return true;
    }

    @Override
    public void sleep(long nanos) {
      seen.add("sleep");
    }
  }

  @AfterEach
  void uninstall() {
    Points.install(null);
    pool.shutdownNow();
  }

  @Test
  void aReceiveIsAControlledWaitThatTheSendEnds() throws Exception {
    Pipe p = Pipe.open();
    Points.install(recorder);
    Future<Object> received = pool.submit(() -> p.first().recv());
    p.second().send("hello");
    assertEquals("hello", received.get(10, TimeUnit.SECONDS));
    assertTrue(recorder.seen.contains("await RECV"), recorder.seen.toString());
    assertTrue(recorder.seen.contains("await SEND"), recorder.seen.toString());
    assertFalse(p.first().poll(Duration.ZERO), "nothing more is waiting");
    assertTrue(recorder.seen.contains("await POLL"), recorder.seen.toString());
    Points.install(null);
    p.first().close();
    p.second().close();
  }

  @Test
  void queueTimeoutsRunOutUnderControlToo() throws Exception {
    Queue<Integer> q = new Queue<>(1);
    Points.install(recorder);
    q.put(1);
    assertThrows(QueueFullException.class, () -> q.put(2, Duration.ofMillis(20)));
    assertEquals(1, q.get());
    assertThrows(QueueEmptyException.class, () -> q.get(Duration.ofMillis(20)));
    assertTrue(recorder.seen.containsAll(List.of("await PUT", "await GET")), recorder.seen.toString());
  }
}
