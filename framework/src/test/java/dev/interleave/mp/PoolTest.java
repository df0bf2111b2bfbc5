package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pool's calls across real worker JVMs, sharing one pool. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoolTest {
  private static Pool pool;

  @BeforeAll
  static void start() {
    pool = new Pool(2);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    pool.shutdown();
    pool.join();
  }

  @Test
  void mapReturnsResultsInOrder() throws Exception {
    List<Integer> xs = IntStream.range(0, 1000).boxed().toList();
    List<Integer> squares = pool.map(PoolTasks::square, xs);
    assertEquals(xs.stream().map(x -> x * x).toList(), squares);
  }

  @Test
  void applyRunsInAWorker() throws Exception {
    long pid = pool.apply(PoolTasks::pid, 0);
    assertTrue(pool.workerPids().contains(pid), "pid " + pid + " in " + pool.workerPids());
  }

  @Test
  void imapYieldsInOrder() throws Exception {
    List<Integer> got = new ArrayList<>();
    pool.imap(PoolTasks::square, List.of(1, 2, 3, 4, 5)).forEachRemaining(got::add);
    assertEquals(List.of(1, 4, 9, 16, 25), got);
  }

  @Test
  void aTaskExceptionIsRethrownWithTheWorkersTrace() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> pool.map(PoolTasks::failOn, List.of(1, 2, 3, 4), 1));
    assertEquals("three is not allowed", e.getMessage());
    RemoteTraceback trace = assertInstanceOf(RemoteTraceback.class, e.getCause());
    assertTrue(trace.getMessage().contains("PoolTasks.failOn"), trace.getMessage());
  }
}
