package com.acme;

import dev.interleave.harness.Expect;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Process;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;

public class CounterTest {
  static void add(Value<Integer> v) {
    v.set(v.get() + 1);
  }

  static void addLocked(Value<Integer> v) throws InterruptedException {
    try (var held = v.hold()) {
      v.set(v.get() + 1);
    }
  }

  static int race(boolean locked) throws InterruptedException {
    Value<Integer> v = Value.of(ValueType.INT, 0);
    Process a = locked ? new Process(CounterTest::addLocked, v) : new Process(CounterTest::add, v);
    Process b = locked ? new Process(CounterTest::addLocked, v) : new Process(CounterTest::add, v);
    a.start();
    b.start();
    a.join();
    b.join();
    return v.get();
  }

  @InterleaveTest(strategy = Strategy.RANDOM, schedules = 10, expect = Expect.VIOLATION)
  void lostUpdate(Scenario s) {
    s.body(run -> {
      int total = race(false);
      run.finalInvariant("counter == 2", () -> total == 2);
    });
  }

  @InterleaveTest(strategy = Strategy.RANDOM, schedules = 10)
  void lockedCounter(Scenario s) {
    s.body(run -> {
      int total = race(true);
      run.finalInvariant("counter == 2", () -> total == 2);
    });
  }
}
