package dev.interleave.internal.harness;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Run;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Process;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Scenarios for stress against control, run by {@link CrossCheckTest} through the engine test
 * kit (nested, so Surefire does not run them directly).
 */
public final class CrossCheckFixtures {
  private CrossCheckFixtures() {}

  public static class Sides {
    /** Two unlocked increments of a shared value: 1 or 2, both reachable under control. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 1,
        crossCheck = 6)
    void bothSidesAgree(Scenario s) {
      s.body(Sides::increments);
    }

    /**
     * Two processes that meet through marker files, which the harness does not control: under
     * control each runs alone from its start to its end, so at most one sees the other; in real
     * parallelism both do.
     */
    @InterleaveTest(strategy = Strategy.RANDOM, schedules = 2, crossCheck = 3)
    void controlMissesAnUncontrolledMeeting(Scenario s) {
      s.body(Sides::meeting);
    }

    /** Stress against control cannot be declared on a stress-mode test. */
    @InterleaveTest(mode = Mode.STRESS, schedules = 2, crossCheck = 2)
    void stressModeCannotCrossCheck(Scenario s) {
      s.body(Sides::increments);
    }

    static void increments(Run run) throws Exception {
      Value<Integer> v = Value.of(ValueType.INT, 0);
      Process first = new Process(Sides::increment, v);
      Process second = new Process(Sides::increment, v);
      first.start();
      second.start();
      first.join();
      second.join();
      run.outcome(v.get());
    }

    static void increment(Value<Integer> v) {
      v.set(v.get() + 1);
    }

    static void meeting(Run run) throws Exception {
      Path dir = run.tempDir();
      Process a = new Process(Sides::meet, dir, "a", "b");
      Process b = new Process(Sides::meet, dir, "b", "a");
      a.start();
      b.start();
      a.join();
      b.join();
      long saw;
      try (var files = Files.list(dir)) {
        saw = files.filter(f -> f.getFileName().toString().startsWith("saw-")).count();
      }
      run.outcome(saw + " saw the other");
    }

    /** Leaves a marker, then looks for the other's for up to a second, outside any point. */
    static void meet(Path dir, String me, String other) throws Exception {
      Files.createFile(dir.resolve(me));
      long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (System.nanoTime() < end) {
        if (Files.exists(dir.resolve(other))) {
          Files.createFile(dir.resolve("saw-" + me));
          return;
        }
        Thread.onSpinWait();
      }
    }
  }
}
