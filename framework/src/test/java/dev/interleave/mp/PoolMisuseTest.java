package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input to a pool, and failures that must reach the caller clearly. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoolMisuseTest {
  private static Pool pool;

  @BeforeAll
  static void start() {
    pool = new Pool(1);
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  @Test
  void processesMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Pool(0));
    assertEquals("Number of processes must be at least 1 but was: 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Pool(1, null, null, -1));
    assertTrue(e.getMessage().endsWith("but was: -1"), e.getMessage());
  }

  @Test
  void anUnserializableArgumentFailsAtSubmissionNamingItsClass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> pool.applyAsync((Object o) -> o.hashCode(), new Object()));
    assertTrue(e.getMessage().contains("argument 1"), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    List<Object> items = new ArrayList<>(List.of(1, 2, new Thread()));
    e = assertThrows(IllegalArgumentException.class, () -> pool.map(o -> o.hashCode(), items, 1));
    assertTrue(e.getMessage().contains("positions 2..2"), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
  }

  @Test
  void anUnserializableFunctionFailsAtSubmissionNamingItsClass() {
    Object captured = new Object();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> pool.applyAsync((Integer x) -> captured.hashCode() + x, 1));
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
  }

  @Test
  void aNegativeTimeoutIsRefused() throws Exception {
    AsyncResult<Integer> r = pool.applyAsync(PoolTasks::square, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.get(Duration.ofMillis(-1)));
    assertEquals("timeout must not be negative but was: PT-0.001S", e.getMessage());
    assertEquals(4, r.get());
    assertTrue(r.successful());
  }

  @Test
  void chunksizeMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> pool.imap(PoolTasks::square, List.of(1), 0));
    assertEquals("chunksize must be 1+, not 0", e.getMessage());
  }

  @Test
  void successfulBeforeReadyAndJoinWhileRunningAreRefused() throws Exception {
    try (Pool busy = new Pool(1)) { // its worker sleeps; close() terminates it
      AsyncResult<Integer> r = busy.applyAsync(PoolTasks::sleepThenSquare, 1);
      assertThrows(IllegalStateException.class, r::successful);
      IllegalStateException e = assertThrows(IllegalStateException.class, busy::join);
      assertTrue(e.getMessage().startsWith("Pool is still running"), e.getMessage());
    }
  }

  @Test
  void aTaskThrowingAnUnserializableExceptionStillReportsItsText() {
    TaskFailedException e = assertThrows(TaskFailedException.class,
        () -> pool.apply(PoolTasks::throwUnsendable, 5));
    assertTrue(e.getMessage().contains("PoolTasks$Unsendable: cannot travel 5"), e.getMessage());
    assertTrue(e.getMessage().contains("could not be serialized"), e.getMessage());
    RemoteTraceback trace = assertInstanceOf(RemoteTraceback.class, e.getCause());
    assertTrue(trace.getMessage().contains("throwUnsendable"), trace.getMessage());
  }

  @Test
  void aCheckedExceptionIsWrapped() {
    TaskFailedException e = assertThrows(TaskFailedException.class,
        () -> pool.apply(PoolTasks::checked, 5));
    assertInstanceOf(java.io.IOException.class, e.getCause());
    assertEquals("disk says no to 5", e.getCause().getMessage());
  }

  @Test
  void callsAfterShutdownOrTerminateAreRefused() throws Exception {
    Pool p = new Pool(1);
    try {
      p.shutdown();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> p.applyAsync(PoolTasks::square, 1));
      assertTrue(e.getMessage().startsWith("Pool not running"), e.getMessage());
      p.join();
      p.terminate();
      assertThrows(IllegalStateException.class, () -> p.map(PoolTasks::square, List.of(1)));
    } finally {
      p.close();
    }
  }

  @Test
  void callbacksRunBeforeTheResultIsReady() throws Exception {
    List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    AsyncResult<Integer> ok = pool.applyAsync(PoolTasks::square, 7, seen::add, seen::add);
    assertEquals(49, ok.get());
    assertEquals(List.of(49), seen);
    AsyncResult<Integer> bad = pool.applyAsync(PoolTasks::failOn, 3, seen::add, seen::add);
    assertThrows(IllegalStateException.class, bad::get);
    assertInstanceOf(IllegalStateException.class, seen.get(1));
    assertTrue(!bad.successful());
  }
}
