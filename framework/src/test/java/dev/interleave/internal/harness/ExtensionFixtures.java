package dev.interleave.internal.harness;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fixture tests run by {@link HarnessExtensionTest} through the engine test kit; nested, and
 * named so that neither Surefire's defaults nor {@code -Dtest=Harness*} run them directly.
 */
final class ExtensionFixtures {
  private ExtensionFixtures() {}

  static class RacyCounter {
    @InterleaveTest(strategy = Strategy.RANDOM, schedules = 300, seed = 11)
    void random(Scenario s) {
      s.body(Fixtures::racyCounter);
    }

    @InterleaveTest(strategy = Strategy.PCT, schedules = 300, seed = 11, pctDepth = 2)
    void pct(Scenario s) {
      s.body(Fixtures::racyCounter);
    }

    @InterleaveTest(strategy = Strategy.POS, schedules = 300, seed = 11)
    void pos(Scenario s) {
      s.body(Fixtures::racyCounter);
    }

    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 300, seed = 11,
        preemptionBound = 1)
    void exhaustive(Scenario s) {
      s.body(Fixtures::racyCounter);
    }

    @InterleaveTest(schedules = 300, seed = 11, expect = Expect.VIOLATION)
    void expected(Scenario s) {
      s.body(Fixtures::racyCounter);
    }
  }

  static class LockedCounter {
    @InterleaveTest(strategy = Strategy.PCT, schedules = 60, seed = 3)
    void locked(Scenario s) {
      s.body(Fixtures::lockedCounter);
    }

    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 2)
    void lockedExhaustive(Scenario s) {
      s.body(Fixtures::lockedCounter);
    }
  }

  static class QueueHandOff {
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 3)
    void handOff(Scenario s) {
      s.body(Fixtures::queueHandOff);
    }
  }

  static class Deadlock {
    @InterleaveTest(strategy = Strategy.PCT, schedules = 200, seed = 5)
    void reversal(Scenario s) {
      s.body(Fixtures::lockOrderReversal);
    }
  }

  static class Hang {
    @InterleaveTest(schedules = 5, seed = 1, timeoutMillis = 2500)
    void hang(Scenario s) {
      s.body(Fixtures::hanging);
    }
  }

  static class MainHang {
    /** The body waits on a future nothing completes: a wait the harness cannot see. */
    @InterleaveTest(schedules = 5, seed = 1, timeoutMillis = 2500)
    void mainHang(Scenario s) {
      s.body(run -> {
        Interleave.point("before the wait");
        new java.util.concurrent.CompletableFuture<Void>().get();
      });
    }
  }

  static class Uncontrolled {
    @InterleaveTest(schedules = 5, seed = 1)
    void randomLabel(Scenario s) {
      s.body(run -> {
        Interleave.point("draw " + ThreadLocalRandom.current().nextInt(1_000_000));
        run.finalInvariant("never", () -> false);
      });
    }
  }

  static class VirtualTime {
    @InterleaveTest(schedules = 30, seed = 2)
    void sleepers(Scenario s) {
      s.body(Fixtures::sleepers);
    }
  }

  static class Stress {
    @InterleaveTest(mode = Mode.STRESS, schedules = 10, seed = 4)
    void stressLocked(Scenario s) {
      s.body(Fixtures::lockedCounter);
    }
  }

  static class Replay {
    @InterleaveTest(replay = "11:0.0.0.1.1.2.2.2.1.1.2.0.0:0")
    void replayed(Scenario s) {
      s.body(Fixtures::racyCounter);
    }
  }

  static class Inputs {
    @InterleaveTest(schedules = 50, seed = 8)
    void bigInputsFail(Scenario s) {
      s.body(run -> {
        int n = run.draw("n", dev.interleave.harness.Gen.ints(0, 1000));
        run.finalInvariant("n < 10", () -> n < 10);
      });
    }
  }

  static class Misuse {
    @InterleaveTest(schedules = 0)
    void zeroSchedules(Scenario s) {
      s.body(run -> { });
    }

    @InterleaveTest
    void noBody(Scenario s) {
    }
  }
}
