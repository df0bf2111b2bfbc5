package dev.interleave.scenarios.explore;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Gen;
import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Article 4.1 without the lock: processes read {@code num.txt}, sleep, and write the number
 * less one. Two reads before one write lose an update; the harness finds it and shrinks it to
 * two processes (and no preemption: the sleep hands over by itself). The article saw 8 where 0
 * was meant; under stress, with real sleeps, 8 and 9 are common.
 */
public class Sync_4_1_LostUpdate {
  /** The article's {@code sleep(1)} between read and write. */
  static final Duration ARTICLE_SLEEP = Files2.articleSeconds(1);

  static void decrement(Path file, Duration sleep) throws IOException, InterruptedException {
    Interleave.point("read num.txt", file.getFileName());
    int n = Integer.parseInt(Files.readString(file).trim());
    if (!sleep.isZero()) {
      Interleave.sleep(sleep);
    }
    Interleave.point("write num.txt", file.getFileName());
    write(file, n - 1);
  }

  /** Replaces the number at once, so that a reader sees the old number or the new, never none. */
  static void write(Path file, int n) throws IOException {
    Path temp = Files.writeString(file.resolveSibling(file.getFileName() + "."
        + ProcessHandle.current().pid() + ".tmp"), Integer.toString(n));
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The counter's final value after {@code processes} racing decrements from {@code processes}. */
  static int race(Path dir, int processes, Duration sleep) throws Exception {
    Path file = Files.writeString(dir.resolve("num.txt"), Integer.toString(processes));
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      Process p = new Process(Sync_4_1_LostUpdate::decrement, file, sleep);
      p.start();
      ps.add(p);
    }
    for (Process p : ps) {
      p.join();
    }
    return Files2.readInt(file);
  }

  /** The expected finding: a lost update, with the process count drawn so that it shrinks. */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 100, expect = Expect.VIOLATION,
      invariant = "counter == 0")
  void anUpdateIsLost(Scenario s) {
    s.body(run -> {
      int processes = run.draw("processes", Gen.ints(2, 10));
      int last = race(run.tempDir(), processes, ARTICLE_SLEEP);
      run.finalInvariant("counter == 0", () -> last, v -> v == 0);
    });
  }

  /**
   * The histogram of final values of ten processes over controlled schedules, without the
   * sleep: with it, virtual time wakes no sleeper before every process has read, so every
   * schedule ends at 9; without it, the schedules spread over the outcomes. Ten stress runs
   * are set beside them (stress against control): every final value they reach must be one
   * that some controlled schedule reaches.
   */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 40, crossCheck = 10)
  void finalValues(Scenario s) {
    grade(s);
    s.body(run -> run.outcome(race(run.tempDir(), 10, Duration.ZERO)));
  }

  /** The same histogram with the processes running in parallel for real. */
  @InterleaveTest(mode = Mode.STRESS, schedules = 10)
  void finalValuesUnderStress(Scenario s) {
    grade(s);
    s.body(run -> run.outcome(race(run.tempDir(), 10, ARTICLE_SLEEP)));
  }

  private static void grade(Scenario s) {
    s.acceptable("0", "no update lost");
    for (int i = 1; i <= 9; i++) {
      s.interesting(Integer.toString(i), i + " of 10 updates lost (the article saw 8)");
    }
  }
}
