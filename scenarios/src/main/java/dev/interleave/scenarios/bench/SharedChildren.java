package dev.interleave.scenarios.bench;

import dev.interleave.mp.DictProxy;
import dev.interleave.mp.Held;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;
import java.io.Serializable;

/** The children of the shared-state benchmarks, each behind the baselines' start gate. */
final class SharedChildren {
  private static final int WARMUP = 5_000;
  /** Enough calls for the JIT's optimizing tier (a fresh child JVM interprets at first). */
  private static final int INCREMENT_WARMUP = 20_000;

  private SharedChildren() {}

  /** Arguments of a value-increment child. */
  record Increments(SyncGate gate, Value<Integer> value, int count) implements Serializable {}

  /** CPython's {@code with v.get_lock(): v.value += 1}, {@code count} times. */
  static void increments(Increments a) throws InterruptedException {
    Value<Integer> v = a.value();
    a.gate().arriveAndWait(() -> warmIncrements(v));
    for (int i = 0; i < a.count(); i++) {
      increment(v);
    }
    a.gate().finish();
  }

  /** The timed operation, a method of its own so that the warm-up compiles what is timed. */
  private static void increment(Value<Integer> v) throws InterruptedException {
    try (Held held = v.hold()) {
      v.set(v.get() + 1);
    }
  }

  /**
   * Runs the timed operation {@link #INCREMENT_WARMUP} times on a private Value (the shared one
   * must keep its count), then holds the shared one {@link #WARMUP} times.
   */
  private static void warmIncrements(Value<Integer> shared) throws InterruptedException {
    Value<Integer> own = Value.of(ValueType.INT, 0);
    for (int i = 0; i < INCREMENT_WARMUP; i++) {
      increment(own);
    }
    for (int i = 0; i < WARMUP; i++) {
      try (Held held = shared.hold()) {
        shared.get();
      }
    }
  }

  /** Arguments of a manager client: its id, key count and phase ("set" or "get"). */
  record DictClient(SyncGate gate, DictProxy<String, Integer> dict, int id, int count,
      boolean set) implements Serializable {}

  /** Sets {@code c<id>:<i>} to i, or reads each back and checks it. */
  static void dictClient(DictClient a) throws InterruptedException {
    DictProxy<String, Integer> d = a.dict();
    a.gate().arriveAndWait(() -> {
      for (int i = 0; i < 200; i++) {
        d.containsKey("warm-up");
      }
    });
    for (int i = 0; i < a.count(); i++) {
      String key = "c" + a.id() + ":" + i;
      if (a.set()) {
        d.put(key, i);
      } else if (d.get(key) != i) {
        throw new IllegalStateException("manager dict returned a wrong value for " + key);
      }
    }
    a.gate().finish();
  }
}
