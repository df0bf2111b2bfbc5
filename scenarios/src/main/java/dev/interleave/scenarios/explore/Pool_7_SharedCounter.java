package dev.interleave.scenarios.explore;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Pool tasks that update shared state: two tasks of a {@code Pool(2)} each add one to a counter
 * kept in {@code num.txt} (the article's counter; a shared {@code Value} serves as well). Without
 * a lock two reads before one write lose an update, and the harness finds it among the pool's own
 * scheduling points (dispatch, task start, result delivery, worker start and exit) and shrinks
 * it; with a lock passed to the tasks no schedule loses one.
 */
public class Pool_7_SharedCounter {
  static final int TASKS = 2;

  static int increment(Path file) throws Exception {
    Interleave.point("num.txt", "read num.txt");
    int n = Files2.readInt(file);
    Interleave.point("num.txt", "write num.txt");
    Sync_4_1_LostUpdate.write(file, n + 1);
    return n;
  }

  static int incrementLocked(Lock lock, Path file) throws Exception {
    lock.acquire();
    try {
      return increment(file);
    } finally {
      lock.release();
    }
  }

  /** Runs the tasks on a fresh pool and returns the counter. */
  static int run(Path dir, Lock lock) throws Exception {
    Path file = Files.writeString(dir.resolve("num.txt"), "0");
    Pool pool = new Pool(2);
    try {
      List<Path> files = java.util.Collections.nCopies(TASKS, file);
      if (lock == null) {
        pool.map(Pool_7_SharedCounter::increment, files, 1);
      } else {
        pool.map(f -> incrementLocked(lock, f), files, 1);
      }
      pool.shutdown();
      pool.join();
    } finally {
      pool.close();
    }
    return Files2.readInt(file);
  }

  /** The expected finding: an update lost between two pool tasks. */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 100, expect = Expect.VIOLATION)
  void poolTasksLoseAnUpdateWithoutALock(Scenario s) {
    s.body(run -> {
      int last = run(run.tempDir(), null);
      run.finalInvariant("counter == " + TASKS, () -> last == TASKS);
    });
  }

  /** With a lock handed to the tasks, every schedule counts every task. */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 20)
  void withALockNoUpdateIsLost(Scenario s) {
    s.acceptable(Integer.toString(TASKS), "every task counted");
    s.body(run -> {
      Lock lock = new Lock();
      run.onEnd(lock::close);
      run.outcome(run(run.tempDir(), lock));
    });
  }
}
