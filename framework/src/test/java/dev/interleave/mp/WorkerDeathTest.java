package dev.interleave.mp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A worker killed mid-task fails its task, not the pool (CPython gh-66587 hangs instead). */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WorkerDeathTest {
  @TempDir
  Path dir;
  private Pool pool;
  private ProcessPoolExecutor executor;

  @AfterEach
  void stop() {
    if (pool != null) {
      pool.terminate();
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** Waits for task 0 to report its worker's pid, then kills that worker with SIGKILL. */
  private long killTheStalledWorker() throws Exception {
    Path started = dir.resolve("started");
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(started));
    long pid = Long.parseLong(Files.readString(started).trim());
    assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
    return pid;
  }

  private static List<Integer> upTo(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void mapRaisesInsteadOfHangingAndThePoolGoesOn() throws Exception {
    pool = new Pool(2);
    String d = dir.toString();
    AsyncResult<List<Integer>> r = pool.mapAsync(x -> PoolTasks.stallFirst(d, x), upTo(20), 1,
        null, null);
    long killed = killTheStalledWorker();
    WorkerLostException e = assertThrows(WorkerLostException.class, r::get);
    assertTrue(e.getMessage().contains("(pid " + killed + ") was killed by signal 9"),
        e.getMessage());
    assertTrue(e.getMessage().contains("while running task 0"), e.getMessage());
    assertTrue(e.worker().startsWith("PoolWorker-"), e.worker());
    assertEquals(List.of(0, 1, 4, 9), pool.map(PoolTasks::square, upTo(4)));
    await().atMost(Duration.ofSeconds(30)).until(() -> pool.workerPids().size() == 2);
    assertFalse(pool.workerPids().contains(killed));
  }

  @Test
  void imapFailsOnlyTheKilledTask() throws Exception {
    pool = new Pool(2);
    String d = dir.toString();
    PoolIterator<Integer> it = pool.imap(x -> PoolTasks.stallFirst(d, x), upTo(6));
    killTheStalledWorker();
    assertThrows(WorkerLostException.class, it::next);
    List<Integer> rest = new ArrayList<>();
    it.forEachRemaining(rest::add);
    assertEquals(List.of(1, 4, 9, 16, 25), rest);
  }

  @Test
  void aSubmittedTaskFailsWithTheWorkersExitStatus() throws Exception {
    executor = new ProcessPoolExecutor(2);
    String d = dir.toString();
    CompletableFuture<Integer> f = executor.submit((Task.Zero<Integer>) () -> PoolTasks.stallFirst(d, 0));
    CompletableFuture<Integer> g = executor.submit((Task.Zero<Integer>) () -> 6 * 7);
    killTheStalledWorker();
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    assertInstanceOf(WorkerLostException.class, e.getCause());
    assertEquals(42, g.get());
    assertEquals(9, executor.submit((Task.Zero<Integer>) () -> PoolTasks.square(3)).get());
  }

  @Test
  void systemExitInATaskFailsItWithTheExitCode() throws Exception {
    pool = new Pool(1);
    WorkerLostException e = assertThrows(WorkerLostException.class,
        () -> pool.apply(PoolTasks::exitOn, 2));
    assertTrue(e.getMessage().contains("exited with code 7"), e.getMessage());
    assertEquals(1, pool.apply(PoolTasks::exitOn, 1));
  }

  @Test
  void maxTasksPerChildReplacesWorkers() throws Exception {
    pool = new Pool(1, null, null, 1);
    List<Long> pids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pids.add(pool.apply(PoolTasks::pid, i));
    }
    assertEquals(3, pids.stream().distinct().count(), pids.toString());
  }

  @Test
  void anInitializerThatThrowsBreaksThePool() throws Exception {
    pool = new Pool(1, (Target.One<String>) PoolTasks::failInit, "boom", 0);
    BrokenPoolException e = assertThrows(BrokenPoolException.class,
        () -> pool.apply(PoolTasks::square, 2));
    assertTrue(e.getMessage().contains("initializer raised"), e.getMessage());
    assertTrue(e.getMessage().contains("boom"), e.getMessage());
    assertThrows(BrokenPoolException.class, () -> pool.applyAsync(PoolTasks::square, 3));
  }

  @Test
  void terminateCancelsWhatDidNotComplete() throws Exception {
    pool = new Pool(1);
    AsyncResult<Integer> r = pool.applyAsync(PoolTasks::sleepThenSquare, 3);
    pool.terminate();
    assertThrows(java.util.concurrent.CancellationException.class, r::get);
    pool.join();
    assertThrows(IllegalStateException.class, () -> pool.apply(PoolTasks::square, 1));
  }
}
