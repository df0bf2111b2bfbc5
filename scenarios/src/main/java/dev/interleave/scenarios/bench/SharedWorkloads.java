package dev.interleave.scenarios.bench;

import dev.interleave.mp.DictProxy;
import dev.interleave.mp.Manager;
import dev.interleave.mp.Process;
import dev.interleave.mp.RawValue;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The shared-state workloads, as {@code python_mp_bench.py} defines them. */
final class SharedWorkloads {
  static final int INCREMENT_PROCESSES = 4;
  static final int INCREMENTS = 10_000;
  static final int KEYS = 5_000;
  private static final int LOOP = 2_000_000;
  private static volatile int plainField;
  private static int sink;

  private SharedWorkloads() {}

  /** Seconds for 4 processes x 10,000 locked increments of a Value('i'); checks the total. */
  static double valueIncrement() throws InterruptedException {
    Value<Integer> v = Value.of(ValueType.INT, 0);
    SyncGate gate = SyncGate.create();
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < INCREMENT_PROCESSES; i++) {
      ps.add(new Process(SharedChildren::increments,
          new SharedChildren.Increments(gate, v, INCREMENTS)));
    }
    double work = Gated.run(gate, ps)[0];
    check(v.get() == INCREMENT_PROCESSES * INCREMENTS, "lost increments: " + v.get());
    gate.close();
    return work;
  }

  /** {set seconds, get seconds} for 2 clients x {@link #KEYS} keys on one manager dict. */
  static double[] managerDictOps() throws InterruptedException {
    try (Manager m = Manager.launch()) {
      DictProxy<String, Integer> d = m.dict();
      double set = clients(d, true);
      check(d.size() == 2 * KEYS, "dict size " + d.size());
      double get = clients(d, false);
      return new double[] {set, get};
    }
  }

  private static double clients(DictProxy<String, Integer> d, boolean set)
      throws InterruptedException {
    SyncGate gate = SyncGate.create();
    List<Process> ps = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      ps.add(new Process(SharedChildren::dictClient,
          new SharedChildren.DictClient(gate, d, c, KEYS, set)));
    }
    double work = Gated.run(gate, ps)[0];
    gate.close();
    return work;
  }

  /** {start-up ms (launch, dict, first set), shutdown ms}. */
  static double[] managerStartup() {
    long t0 = System.nanoTime();
    Manager m = Manager.launch();
    DictProxy<String, Integer> d = m.dict();
    d.put("k", 1);
    long t1 = System.nanoTime();
    m.shutdown();
    long t2 = System.nanoTime();
    return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6};
  }

  /** ns per {get, set} pair on: a RawValue, a Value (locked), a volatile field, an AtomicInteger. */
  static Map<String, Double> uncontended() {
    RawValue<Integer> raw = RawValue.of(ValueType.INT, 0);
    Value<Integer> locked = Value.of(ValueType.INT, 0);
    AtomicInteger atomic = new AtomicInteger();
    return Map.of(
        "ns_per_get_set[RawValue]", time(() -> raw.setLong(raw.getLong() + 1)),
        "ns_per_get_set[Value]", time(() -> locked.setLong(locked.getLong() + 1)),
        "ns_per_get_set[volatile field]", time(() -> plainField = plainField + 1),
        "ns_per_get_set[AtomicInteger]", time(() -> atomic.set(atomic.get() + 1)));
  }

  private static double time(Runnable op) {
    for (int i = 0; i < LOOP; i++) {
      op.run();
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < LOOP; i++) {
      op.run();
    }
    long t1 = System.nanoTime();
    sink += plainField;
    return (t1 - t0) / (double) LOOP;
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException("check failed: " + message);
    }
  }
}
