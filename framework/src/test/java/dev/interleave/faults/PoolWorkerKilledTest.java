package dev.interleave.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.interleave.mp.AsyncResult;
import dev.interleave.mp.Children;
import dev.interleave.mp.Pool;
import dev.interleave.mp.Queue;
import dev.interleave.mp.WorkerLostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pool worker killed with {@code kill -9} in the middle of a task, again and again on one
 * pool: the task fails with {@link WorkerLostException} naming the worker, the tasks queued
 * behind it complete, and the pool replaces the worker. Measured: the time from the kill to the
 * task's failure.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class PoolWorkerKilledTest {
  private static final List<Integer> QUEUED = IntStream.range(0, 8).boxed().toList();
  private Pool pool;

  @AfterEach
  void cleanUp() {
    if (pool != null) {
      pool.terminate();
    }
  }

  @Test
  void theTaskFailsTheOthersCompleteAndTheWorkerIsReplaced() throws Exception {
    pool = new Pool(2);
    Queue<Long> pids = new Queue<>();
    List<Long> toFailure = new ArrayList<>();
    int rounds = FaultSize.pick(2, 25);
    for (int r = 0; r < rounds; r++) {
      AsyncResult<Integer> stalled = pool.applyAsync(FaultTargets::reportPidAndStall, pids);
      AsyncResult<List<Integer>> queued = pool.mapAsync(FaultTargets::square, QUEUED);
      long pid = pids.get(Children.WAIT);
      long killedAt = System.nanoTime();
      assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue();
      assertThatThrownBy(() -> stalled.get(Children.WAIT))
          .isInstanceOf(WorkerLostException.class)
          .hasMessageContaining("(pid " + pid + ") was killed by signal 9");
      toFailure.add(System.nanoTime() - killedAt);
      assertThat(queued.get(Children.WAIT)).containsExactly(0, 1, 4, 9, 16, 25, 36, 49);
      await("a replacement for worker " + pid).atMost(Children.WAIT)
          .until(() -> pool.workerPids().size() == 2 && !pool.workerPids().contains(pid));
    }
    Figures.report("Pool worker killed mid-task", "kill to the task failing with"
        + " WorkerLostException: " + Figures.millis(toFailure) + " kills; the 8 tasks queued"
        + " behind it completed each time, the worker was replaced");
  }
}
