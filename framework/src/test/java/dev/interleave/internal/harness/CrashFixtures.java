package dev.interleave.internal.harness;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Run;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;

/**
 * Scenarios for crash injection, run by {@link CrashTest} through the engine test kit (nested,
 * so Surefire does not run them directly).
 */
final class CrashFixtures {
  private CrashFixtures() {}

  static class TwoValues {
    /** Without crashes the two-step update under the lock always completes. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 1)
    void noCrashes(Scenario s) {
      s.body(TwoValues::body);
    }

    /** With one crash the holder may die between the two steps: a != b. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 1,
        crashes = 1)
    void oneCrash(Scenario s) {
      s.body(TwoValues::body);
    }

    /** One crash allowed, but only of a process the scenario does not start: no kill offered. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 1,
        crashes = 1)
    void noneKillable(Scenario s) {
      s.killable("Process-3").body(TwoValues::body);
    }

    static void body(Run run) throws Exception {
      Lock lock = new Lock();
      Value<Integer> a = Value.of(ValueType.INT, 0);
      Value<Integer> b = Value.of(ValueType.INT, 0);
      run.onEnd(lock::close);
      Process first = new Process(TwoValues::update, lock, a, b);
      Process second = new Process(TwoValues::update, lock, a, b);
      first.start();
      second.start();
      first.join();
      second.join();
      run.finalInvariant("a == b", () -> a.get().equals(b.get()));
    }

    /** Adds one to both values under the lock; never asks whether the previous owner died. */
    static void update(Lock lock, Value<Integer> a, Value<Integer> b) throws Exception {
      lock.acquire();
      a.incrementAndGet();
      b.incrementAndGet();
      lock.release();
    }
  }
}
