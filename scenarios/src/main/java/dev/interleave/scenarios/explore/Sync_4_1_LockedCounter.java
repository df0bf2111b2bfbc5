package dev.interleave.scenarios.explore;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Article 4.1 with the lock: read and write of {@code num.txt} inside {@code lock.acquire()} /
 * {@code release()}, so no update is lost in any schedule.
 *
 * <p>How much the budget says: PCT finds a bug of depth d with probability at least {@code
 * 1/(n k^(d-1))} per schedule (n processes, k steps). The lost update has depth 2, so a budget
 * that sees none bounds the chance it was missed by {@code (1 - 1/(n k))^schedules}; the outcome
 * description states it for this scenario's size and budget.
 */
public class Sync_4_1_LockedCounter {
  static final int PROCESSES = 3;
  static final int SCHEDULES = 200;
  /**
   * Steps of one schedule, at most about 9 per process: main's start and join, the process's
   * start, acquire (and a retry once blocked), two points, sleep, release. The racy counter's
   * two-process schedules take 13 steps without the lock.
   */
  static final int STEPS = PROCESSES * 9;

  static void decrement(Lock lock, Path file) throws Exception {
    lock.acquire();
    try {
      Sync_4_1_LostUpdate.decrement(file, Sync_4_1_LostUpdate.ARTICLE_SLEEP);
    } finally {
      lock.release();
    }
  }

  /** The bound on missing a depth-2 bug with {@code schedules} PCT schedules. */
  static double missProbability(int n, int k, int schedules) {
    return Math.pow(1 - 1.0 / ((double) n * k), schedules);
  }

  static String boundDescription() {
    return String.format(Locale.ROOT, "no update lost; PCT (n=%d processes, k=%d steps, d=2)"
        + " finds a depth-2 bug with p >= 1/(n*k) = 1/%d per schedule, so %d clean schedules"
        + " miss one with probability <= %.2g", PROCESSES, STEPS, PROCESSES * STEPS, SCHEDULES,
        missProbability(PROCESSES, STEPS, SCHEDULES));
  }

  @InterleaveTest(strategy = Strategy.PCT, pctDepth = 2, schedules = SCHEDULES)
  void noUpdateIsLost(Scenario s) {
    s.acceptable("0", boundDescription());
    s.body(run -> {
      Path file = Files.writeString(run.tempDir().resolve("num.txt"), Integer.toString(PROCESSES));
      Lock lock = new Lock();
      run.onEnd(lock::close);
      List<Process> ps = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        Process p = new Process(Sync_4_1_LockedCounter::decrement, lock, file);
        p.start();
        ps.add(p);
      }
      for (Process p : ps) {
        p.join();
      }
      run.outcome(Files2.readInt(file));
    });
  }
}
