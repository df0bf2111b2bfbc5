package dev.interleave.internal.harness;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Run;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Event;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;

/**
 * Scenarios for crash injection, run by {@link CrashTest} through the engine test kit (nested,
 * so Surefire does not run them directly).
 */
final class CrashFixtures {
  private CrashFixtures() {}

  static class TwoValues {
    /**
     * Without crashes the two-step update under the lock always completes. Its schedule count is
     * compared with the crash fixtures' own, unreduced.
     */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 1,
        reduce = false)
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
        crashes = 1, reduce = false)
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

  /** What must survive a killed process: a queue's delivered items, a lock's recovery. */
  static class Survivors {
    static final int ITEMS = 3;
    static final int HELD = 1;
    static final int RELEASING = 2;

    /** A producer killed at any point: every item whose put returned is delivered, once. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 1,
        crashes = 1)
    void queueItemsSurviveAKilledProducer(Scenario s) {
      s.body(run -> {
        Queue<Integer> q = new Queue<>();
        Value<Integer> returned = Value.of(ValueType.INT, 0);
        run.onEnd(q::close);
        Process producer = new Process(Survivors::produce, q, returned);
        producer.start();
        producer.join();
        java.util.List<Integer> got = new java.util.ArrayList<>();
        while (!q.empty()) {
          got.add(q.getNowait());
        }
        int sure = returned.get(); // a kill between a put and its record delivers one more
        boolean killed = producer.exitCode().orElse(0) == -9;
        run.outcome((killed ? "killed, " : "lived, ") + got.size() + " delivered");
        run.finalInvariant("the items whose put returned, in order, each once", () -> got,
            g -> g.equals(upTo(sure)) || g.equals(upTo(sure + 1)) && sure < ITEMS);
      });
    }

    static void produce(Queue<Integer> q, Value<Integer> returned) throws Exception {
      for (int i = 1; i <= ITEMS; i++) {
        q.put(i);
        returned.set(i);
      }
    }

    static java.util.List<Integer> upTo(int n) {
      return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }

    /**
     * A holder killed at any point: the lock is taken over, and the new owner is told the
     * previous owner died when it died between its acquire and its release, never when it
     * lived. (Killed at its release's point, or just after it, either may hold.)
     */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 1,
        crashes = 1)
    void aKilledHolderIsRecoveredAndReported(Scenario s) {
      s.body(run -> {
        Lock lock = new Lock();
        Value<Integer> state = Value.of(ValueType.INT, 0);
        run.onEnd(lock::close);
        Process holder = new Process(Survivors::hold, lock, state);
        holder.start();
        holder.join();
        boolean killed = holder.exitCode().orElse(0) == -9;
        boolean surelyHeld = killed && state.get() == HELD;
        boolean taken = lock.acquire(java.time.Duration.ofSeconds(5));
        boolean told = taken && lock.previousOwnerDied();
        run.outcome(!killed ? "lived" : told ? "killed, told" : "killed, not told");
        run.finalInvariant("taken; told the owner died if it died holding, never if it lived",
            () -> taken && (!surelyHeld || told) && (killed || !told));
      });
    }

    static void hold(Lock lock, Value<Integer> state) throws Exception {
      lock.acquire();
      state.set(HELD);
      state.set(RELEASING);
      lock.release();
    }
  }
}
