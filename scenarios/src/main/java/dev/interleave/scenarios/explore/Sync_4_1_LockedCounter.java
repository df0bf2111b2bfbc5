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

/**
 * Article 4.1 with the lock: read and write of {@code num.txt} inside {@code lock.acquire()} /
 * {@code release()}, so no update is lost in any schedule.
 *
 * <p>How much the budget says: PCT finds a bug of depth d with probability at least {@code
 * 1/(n k^(d-1))} per schedule (n processes, k steps). The lost update has depth 2, so a budget
 * that sees none bounds the chance it was missed by {@code (1 - 1/(n k))^schedules}. The harness
 * measures n and k over the run and states the bound in the report's reason; the scenario
 * checks that the bound was computed from what ran.
 */
public class Sync_4_1_LockedCounter {
  static final int PROCESSES = 3;
  static final int SCHEDULES = 200;
  /** Stress runs set beside the controlled schedules (stress against control). */
  static final int STRESS_RUNS = 10;

  static void decrement(Lock lock, Path file) throws Exception {
    lock.acquire();
    try {
      Sync_4_1_LostUpdate.decrement(file, Sync_4_1_LostUpdate.ARTICLE_SLEEP);
    } finally {
      lock.release();
    }
  }

  @InterleaveTest(strategy = Strategy.PCT, pctDepth = 2, schedules = SCHEDULES,
      crossCheck = STRESS_RUNS)
  void noUpdateIsLost(Scenario s) {
    s.acceptable("0", "no update lost");
    s.verify(r -> r.pct().ifPresent(b -> { // PCT unless overridden
      if (b.processes() != PROCESSES + 1 || b.steps() < 4 * PROCESSES) {
        throw new AssertionError("PCT's bound was not measured on this scenario: " + b);
      }
    }));
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
