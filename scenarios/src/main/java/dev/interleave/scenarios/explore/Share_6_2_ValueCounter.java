package dev.interleave.scenarios.explore;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Gen;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Held;
import dev.interleave.mp.Process;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Value} counter: {@code v.set(v.get() + 1)} (CPython's {@code v.value += 1}) loses
 * updates between processes, found and shrunk to two; inside {@code v.hold()} (CPython's {@code
 * with v.get_lock():}) it loses none.
 */
public class Share_6_2_ValueCounter {
  static final int LOCKED_PROCESSES = 3;

  static void incrementRacy(Value<Integer> v) {
    v.set(v.get() + 1);
  }

  static void incrementLocked(Value<Integer> v) throws InterruptedException {
    try (Held held = v.hold()) {
      v.set(v.get() + 1);
    }
  }

  static int race(int processes, boolean locked) throws InterruptedException {
    Value<Integer> v = Value.of(ValueType.INT, 0);
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      Process p = locked ? new Process(Share_6_2_ValueCounter::incrementLocked, v)
          : new Process(Share_6_2_ValueCounter::incrementRacy, v);
      p.start();
      ps.add(p);
    }
    for (Process p : ps) {
      p.join();
    }
    return v.get();
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 100, expect = Expect.VIOLATION)
  void anIncrementIsLostWithoutTheLock(Scenario s) {
    s.body(run -> {
      int processes = run.draw("processes", Gen.ints(2, 4));
      int total = race(processes, false);
      run.finalInvariant("counter == processes", () -> total, v -> v == processes);
    });
  }

  @InterleaveTest(strategy = Strategy.PCT, pctDepth = 2, schedules = 100)
  void noIncrementIsLostUnderTheLock(Scenario s) {
    s.body(run -> {
      int total = race(LOCKED_PROCESSES, true);
      run.finalInvariant("counter == " + LOCKED_PROCESSES, () -> total == LOCKED_PROCESSES);
    });
  }
}
