package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.PointHandler;
import dev.interleave.internal.runtime.Points;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every operation of the primitives passes through the scheduling-point hook. */
@Timeout(30)
class SchedulingPointsTest {
  private final Recorder recorder = new Recorder();

  @AfterEach
  void uninstall() {
    Points.install(null);
  }

  @Test
  void uncontrolledOperationsReportTheirPoints() throws Exception {
    Lock lock = new Lock();
    Event event = new Event();
    Points.install(recorder);
    lock.acquire();
    lock.release();
    event.set();
    event.clear();
    event.await(Duration.ZERO);
    Points.install(null);
    assertThat(recorder.ops).containsExactly("ACQUIRE acquire", "RELEASE release", "SET set",
        "CLEAR clear", "WAIT wait");
    lock.close();
    event.close();
  }

  @Test
  void underControlBlockingOperationsAreHandedToTheScheduler() throws Exception {
    Lock lock = new Lock();
    Semaphore sem = new Semaphore(0);
    Event event = new Event();
    recorder.controls = true;
    Points.install(recorder);
    assertThat(lock.acquire(Duration.ofSeconds(1))).isTrue();
    assertThat(lock.acquire(Duration.ofMillis(10))).isFalse();
    assertThat(sem.acquire(Duration.ofMillis(10))).isFalse();
    assertThat(event.await(Duration.ofMillis(10))).isFalse();
    Points.install(null);
    long pid = ProcessHandle.current().pid();
    assertThat(recorder.ops).containsExactly("await ACQUIRE acquire holder=nobody",
        "await ACQUIRE acquire holder=pid " + pid, "await ACQUIRE acquire holder=nobody",
        "await WAIT wait holder=null");
    lock.close();
    sem.close();
    event.close();
  }

  @Test
  void conditionAndBarrierReportTheirPoints() throws Exception {
    Condition cond = new Condition(new Lock());
    Barrier barrier = new Barrier(1);
    Points.install(recorder);
    try (Held held = cond.hold()) {
      cond.signalAll();
      cond.await(Duration.ZERO);
    }
    barrier.await();
    barrier.abort();
    barrier.reset();
    Points.install(null);
    assertThat(recorder.ops).containsExactly("ACQUIRE acquire", "NOTIFY notify",
        "RELEASE release", "WAIT wait", "ACQUIRE acquire", "RELEASE release",
        "BARRIER_WAIT wait", "ABORT abort", "RESET reset");
  }

  /** Records points; under control, runs blocking attempts until they succeed or time out. */
  static final class Recorder implements PointHandler {
    final List<String> ops = new CopyOnWriteArrayList<>();
    volatile boolean controls;
    /** Only the test's own points count: other threads of this JVM (pools of earlier tests
     * winding down) pass through. */
    private final Thread owner = Thread.currentThread();

    @Override
    public void point(Op op, String object, String label) {
      if (Thread.currentThread() == owner) {
        ops.add(op + " " + label);
      }
    }

    @Override
    public boolean controlsBlocking() {
      return controls;
    }

    @Override
    public boolean await(Op op, String object, String label, BooleanSupplier attempt,
        long timeoutNanos, String holder) {
      if (Thread.currentThread() == owner) {
        ops.add("await " + op + " " + label + " holder=" + holder);
      }
      long start = System.nanoTime();
      while (!attempt.getAsBoolean()) {
        if (timeoutNanos >= 0 && System.nanoTime() - start >= timeoutNanos) {
          return false;
        }
        Thread.onSpinWait();
      }
      return true;
    }

    @Override
    public void sleep(long nanos) {
      ops.add("sleep");
    }
  }
}
