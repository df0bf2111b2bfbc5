package dev.interleave.scenarios.explore;

import dev.interleave.harness.Expect;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Held;
import dev.interleave.mp.Pool;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;
import java.util.List;

/**
 * Pool tasks that update shared state: two tasks of a {@code Pool(2)} each add one to a shared
 * {@code Value('i', 0)}. Without holding the value's lock across the read and the write
 * ({@code counter.value += 1} in CPython), two reads before one write lose an update, and the
 * harness finds it among the pool's own scheduling points (dispatch, task start, result
 * delivery, worker start and exit) and the value's reads and writes, and shrinks it; with the
 * value's lock held around both ({@code with counter.get_lock():}) no schedule loses one.
 */
public class Pool_7_SharedCounter {
  static final int TASKS = 2;

  /** {@code counter.value += 1}: a read, then a write, each atomic on its own. */
  static int increment(Value<Integer> counter) {
    int n = counter.get();
    counter.set(n + 1);
    return n;
  }

  /** The same under the value's own lock. */
  static int incrementLocked(Value<Integer> counter) throws InterruptedException {
    try (Held held = counter.hold()) {
      return increment(counter);
    }
  }

  /** Runs the tasks on a fresh pool and returns the counter. */
  static int run(boolean locked) throws Exception {
    Value<Integer> counter = Value.of(ValueType.INT, 0);
    Pool pool = new Pool(2);
    try {
      List<Value<Integer>> args = java.util.Collections.nCopies(TASKS, counter);
      if (locked) {
        pool.map(Pool_7_SharedCounter::incrementLocked, args, 1);
      } else {
        pool.map(Pool_7_SharedCounter::increment, args, 1);
      }
      pool.shutdown();
      pool.join();
    } finally {
      pool.close();
    }
    return counter.get();
  }

  /** The expected finding: an update lost between two pool tasks. */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 100, expect = Expect.VIOLATION)
  void poolTasksLoseAnUpdateWithoutALock(Scenario s) {
    s.body(run -> {
      int last = run(false);
      run.finalInvariant("counter == " + TASKS, () -> last, v -> v == TASKS);
    });
  }

  /** With the value's lock held around each update, every schedule counts every task. */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 20)
  void withALockNoUpdateIsLost(Scenario s) {
    s.acceptable(Integer.toString(TASKS), "every task counted");
    s.body(run -> run.outcome(run(true)));
  }
}
