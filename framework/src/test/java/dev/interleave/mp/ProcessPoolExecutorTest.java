package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The executor face, with the java.util.concurrent contracts. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessPoolExecutorTest {

  @Test
  void worksAsAnExecutorService() throws Exception {
    try (ProcessPoolExecutor ex = new ProcessPoolExecutor(2)) {
      ExecutorService es = ex;
      Future<Integer> f = es.submit((Task.Zero<Integer>) () -> PoolTasks.square(6));
      assertEquals(36, f.get());
      List<Callable<Integer>> tasks = List.of((Task.Zero<Integer>) () -> 1,
          (Task.Zero<Integer>) () -> PoolTasks.failOn(3), (Task.Zero<Integer>) () -> 3);
      List<Future<Integer>> all = es.invokeAll(tasks);
      assertEquals(1, all.get(0).get());
      ExecutionException e = assertThrows(ExecutionException.class, () -> all.get(1).get());
      assertInstanceOf(IllegalStateException.class, e.getCause());
      assertEquals(3, all.get(2).get());
      int any = es.invokeAny(List.of((Task.Zero<Integer>) () -> PoolTasks.failOn(3),
          (Task.Zero<Integer>) () -> 5));
      assertEquals(5, any);
      Runnable r = (Runnable & Serializable) () -> { };
      es.execute(r);
      assertEquals("done", es.submit(r, "done").get());
    }
  }

  @Test
  void anUnserializableTaskIsRejectedNamingItsClass() {
    try (ProcessPoolExecutor ex = new ProcessPoolExecutor(1)) {
      Callable<Integer> plain = () -> 1;
      RejectedExecutionException e = assertThrows(RejectedExecutionException.class,
          () -> ex.submit(plain));
      assertTrue(e.getMessage().contains(plain.getClass().getName()), e.getMessage());
      assertTrue(e.getMessage().contains("not Serializable"), e.getMessage());
    }
  }

  @Test
  void shutdownLetsQueuedTasksRunAndRejectsNewOnes() throws Exception {
    ProcessPoolExecutor ex = new ProcessPoolExecutor(1);
    Future<Integer> f = ex.submit((Task.Zero<Integer>) () -> PoolTasks.square(4));
    ex.shutdown();
    assertTrue(ex.isShutdown());
    assertThrows(RejectedExecutionException.class, () -> ex.submit((Task.Zero<Integer>) () -> 1));
    assertTrue(ex.awaitTermination(60, TimeUnit.SECONDS));
    assertTrue(ex.isTerminated());
    assertEquals(16, f.get());
  }

  @Test
  void shutdownNowReturnsTasksThatNeverStarted() throws Exception {
    ProcessPoolExecutor ex = new ProcessPoolExecutor(1);
    Future<Integer> running = ex.submit((Task.Zero<Integer>) () -> PoolTasks.sleepThenSquare(1));
    List<java.util.concurrent.CompletableFuture<Integer>> queued = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      queued.add(ex.submit((Task.Zero<Integer>) () -> 2));
    }
    List<Runnable> never = ex.shutdownNow();
    assertFalse(never.isEmpty());
    assertThrows(java.util.concurrent.CancellationException.class, running::get);
    assertTrue(ex.awaitTermination(60, TimeUnit.SECONDS));
    never.forEach(Runnable::run);
    assertTrue(queued.stream().allMatch(Future::isDone));
    assertEquals(never.size(), queued.stream().filter(f -> !f.isCompletedExceptionally()).count());
  }

  @Test
  void aBrokenExecutorRejectsSubmissions() throws Exception {
    try (ProcessPoolExecutor ex = new ProcessPoolExecutor(1,
        (Target.One<String>) PoolTasks::failInit, "boom", 0)) {
      Future<Integer> f = ex.submit((Task.Zero<Integer>) () -> 1);
      ExecutionException e = assertThrows(ExecutionException.class, f::get);
      assertInstanceOf(BrokenPoolException.class, e.getCause());
      RejectedExecutionException r = assertThrows(RejectedExecutionException.class,
          () -> ex.submit((Task.Zero<Integer>) () -> 1));
      assertInstanceOf(BrokenPoolException.class, r.getCause());
    }
  }
}
