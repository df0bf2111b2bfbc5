package dev.interleave.scenarios.explore;

import dev.interleave.harness.Expect;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.ProcessPoolExecutor;
import dev.interleave.mp.Task;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * The shared counter of {@link Pool_7_SharedCounter} through the {@link ProcessPoolExecutor}
 * face ({@code concurrent.futures.ProcessPoolExecutor}): two tasks submitted to a two-worker
 * executor each add one to a shared {@code Value('i', 0)}, and the body waits on their futures.
 * Without the value's lock an update is lost in some schedule; with it none is. Under the
 * harness the futures' {@code get()} reads the workers' answers on the waiting process, so the
 * wait is a controlled step like {@code AsyncResult.get()}.
 */
public class Pool_7_ExecutorCounter {
  static final int TASKS = 2;

  /** Submits the tasks, waits on their futures and returns the counter. */
  static int run(boolean locked) throws Exception {
    Value<Integer> counter = Value.of(ValueType.INT, 0);
    try (ProcessPoolExecutor executor = new ProcessPoolExecutor(2)) {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < TASKS; i++) {
        futures.add(executor.submit((Task.Zero<Integer>) () -> locked
            ? Pool_7_SharedCounter.incrementLocked(counter)
            : Pool_7_SharedCounter.increment(counter)));
      }
      for (Future<Integer> f : futures) {
        f.get();
      }
    }
    return counter.get();
  }

  /** The expected finding: an update lost between two submitted tasks. */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 100, expect = Expect.VIOLATION)
  void submittedTasksLoseAnUpdateWithoutALock(Scenario s) {
    s.body(run -> {
      int last = run(false);
      run.finalInvariant("counter == " + TASKS, () -> last, v -> v == TASKS);
    });
  }

  /** With the value's lock held around each update, every schedule counts every task. */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 20)
  void withALockEverySubmittedTaskCounts(Scenario s) {
    s.acceptable(Integer.toString(TASKS), "every task counted");
    s.body(run -> run.outcome(run(true)));
  }
}
