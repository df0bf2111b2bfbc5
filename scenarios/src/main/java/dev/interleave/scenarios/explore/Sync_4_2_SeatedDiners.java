package dev.interleave.scenarios.explore;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Gen;
import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Run;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Process;
import dev.interleave.mp.Semaphore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Article 4.2: diners share a table of {@code capacity} seats guarded by a {@code
 * Semaphore(capacity)}. A seated diner holds a file in {@code seated/}, so the state invariant
 * "never more than capacity seated" is checked between every two steps; the outcome is the most
 * diners a diner saw seated as it sat down. Without the semaphore the invariant is violated.
 */
public class Sync_4_2_SeatedDiners {

  static void dine(Integer i, Semaphore sem, Path seated) throws Exception {
    if (sem != null) {
      sem.acquire();
    }
    Path seat = seated.resolve("diner-" + i);
    Files2.touch(seat);
    // what this diner sees on sitting down, kept beside the table: the outcome's measure
    Files.writeString(seated.resolveSibling("saw-" + i), Long.toString(Files2.count(seated)));
    Interleave.sleep(Files2.articleSeconds(3 + i % 6)); // the article's random 3..8 s meal
    Files.delete(seat);
    if (sem != null) {
      sem.release();
    }
  }

  /** Seats {@code diners} at {@code capacity} seats, with or without the semaphore. */
  static void dinner(Run run, int diners, int capacity, boolean guarded) throws Exception {
    Path seated = Files.createDirectory(run.tempDir().resolve("seated"));
    run.invariant("seated <= " + capacity, () -> Files2.count(seated) <= capacity);
    Semaphore sem = guarded ? new Semaphore(capacity) : null;
    if (sem != null) {
      run.onEnd(sem::close);
    }
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < diners; i++) {
      Process p = new Process(Sync_4_2_SeatedDiners::dine, i, sem, seated);
      p.start();
      ps.add(p);
    }
    for (Process p : ps) {
      p.join();
    }
    int seen = mostSeenByADiner(run.tempDir(), diners);
    run.outcome(seen == capacity ? "capacity reached" : seen > capacity ? seen + " seated"
        : "at most " + seen + " seated");
  }

  /**
   * The most diners any diner saw seated as it sat down. Each diner counts the seats taken
   * right after taking its own, so the diner whose arrival filled the table most saw it:
   * the measure is the program's own, the same under control and under stress (where the
   * state invariant is only sampled).
   */
  static int mostSeenByADiner(Path dir, int diners) throws IOException {
    int most = 0;
    for (int i = 0; i < diners; i++) {
      most = Math.max(most, Files2.readInt(dir.resolve("saw-" + i)));
    }
    return most;
  }

  /** The article's ten diners at three seats. */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 20, crossCheck = 10)
  void neverMoreThanThreeSeated(Scenario s) {
    s.acceptable("capacity reached", "three diners seated at once, never four");
    s.interesting("at most 2 seated", "the schedule never filled the table");
    s.interesting("at most 1 seated", "the schedule never filled the table");
    s.body(run -> dinner(run, 10, 3, true));
  }

  /** Any number of diners, 4..100, at any capacity, 1..5: a few schedules per drawn size. */
  @InterleaveTest(strategy = Strategy.RANDOM, schedules = 2)
  void neverMoreThanCapacitySeated(Scenario s) {
    s.body(run -> {
      int diners = run.draw("diners", Gen.ints(4, 100));
      int capacity = run.draw("capacity", Gen.ints(1, 5));
      dinner(run, diners, capacity, true);
    });
  }

  /** Without the semaphore a fourth diner sits down: the expected finding. */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 50, expect = Expect.VIOLATION,
      invariant = "seated <= 3")
  void withoutTheSemaphoreTooManySit(Scenario s) {
    s.body(run -> dinner(run, 10, 3, false));
  }
}
