package dev.interleave.internal.harness;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Run;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Event;
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

  static class LateKill {
    /** Only the holder may die: anywhere between its two guarded updates, after a, before b. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 100, preemptionBound = 1,
        crashes = 1)
    void lateKill(Scenario s) {
      s.killable("Process-1").body(LateKill::body);
    }

    static void body(Run run) throws Exception {
      Lock lock = new Lock();
      Event go = new Event();
      Value<Integer> a = Value.of(ValueType.INT, 0);
      Value<Integer> b = Value.of(ValueType.INT, 0);
      Value<Integer> c = Value.of(ValueType.INT, 0);
      run.onEnd(lock::close);
      run.onEnd(go::close);
      Process holder = new Process(LateKill::update, lock, go, a, b);
      Process other = new Process(LateKill::writeThenSet, go, c);
      holder.start();
      other.start();
      holder.join();
      other.join();
      run.finalInvariant("a == b", () -> a.get().equals(b.get()));
    }

    /**
     * Adds one to a, waits for the other process, adds one to b, all under the lock: exhaustive
     * search, deepest step first, finds the kill just before b, after the other process's
     * steps; the earliest failing kill is just after a's write, before them. Delta debugging
     * alone cannot get there: the kill must move before steps the schedule still takes.
     */
    static void update(Lock lock, Event go, Value<Integer> a, Value<Integer> b) throws Exception {
      lock.acquire();
      a.incrementAndGet();
      go.await();
      b.incrementAndGet();
      lock.release();
    }

    /** Makes {@value #BETWEEN} writes of c that no invariant reads, then sets the event. */
    static void writeThenSet(Event go, Value<Integer> c) {
      for (int i = 0; i < BETWEEN; i++) {
        c.set(i);
      }
      go.set();
    }

    static final int BETWEEN = 4;
  }
}
