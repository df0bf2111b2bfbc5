package dev.interleave.scenarios.bench;

import dev.interleave.mp.Event;
import dev.interleave.mp.Held;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import dev.interleave.mp.Semaphore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** lock_uncontended, lock_pingpong and value_increment, as the CPython baseline runs them. */
final class LockWorkloads {
  private final boolean quick;

  LockWorkloads(boolean quick) {
    this.quick = quick;
  }

  private int pick(int full, int small) {
    return quick ? small : full;
  }

  /** One process: n x {acquire(); release()} and n x {try (hold()) {}}; one warm-up rep. */
  Map<String, SyncStat> lockUncontended() throws InterruptedException {
    int n = pick(1_000_000, 200_000);
    int reps = pick(5, 3);
    Lock lock = new Lock();
    List<Double> explicit = new ArrayList<>();
    List<Double> hold = new ArrayList<>();
    for (int rep = -1; rep < reps; rep++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        lock.acquire();
        lock.release();
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        try (Held held = lock.hold()) {
          // empty critical section, as Python's "with lock: pass"
        }
      }
      long t2 = System.nanoTime();
      if (rep >= 0) {
        explicit.add(n / ((t1 - t0) / 1e9));
        hold.add(n / ((t2 - t1) / 1e9));
      }
    }
    lock.close();
    Map<String, SyncStat> m = new LinkedHashMap<>();
    m.put("pairs_per_s[acquire_release]", SyncStat.of(explicit, "pairs/s", "higher"));
    m.put("ns_per_pair[acquire_release]",
        SyncStat.of(explicit.stream().map(x -> 1e9 / x).toList(), "ns", "lower"));
    m.put("pairs_per_s[with]", SyncStat.of(hold, "pairs/s", "higher"));
    return m;
  }

  /** Parent and one child hand a Lock-guarded counter back and forth. */
  Map<String, SyncStat> lockPingPong() throws InterruptedException {
    int nSem = pick(20_000, 5_000);
    int nEv = pick(5_000, 1_000);
    int reps = pick(5, 3);
    Map<String, SyncStat> m = new LinkedHashMap<>();
    pingPongVariant(m, "semaphores", false, nSem, reps, -1, -1);
    pingPongVariant(m, "events", true, nEv, reps, -1, -1);
    pingPongVariant(m, "semaphores,same_cpu", false, nSem, reps, 0, 0);
    if (Runtime.getRuntime().availableProcessors() >= 2) {
      pingPongVariant(m, "semaphores,cross_cpu", false, nSem, reps, 0, 1);
    }
    return m;
  }

  private void pingPongVariant(Map<String, SyncStat> m, String label, boolean events, int n,
      int reps, int parentCpu, int childCpu) throws InterruptedException {
    List<Double> rtps = new ArrayList<>();
    List<Double> lat = new ArrayList<>();
    for (int rep = 0; rep < reps; rep++) {
      double seconds = pingPongOnce(events, n, parentCpu, childCpu);
      rtps.add(n / seconds);
      lat.add(seconds / (2.0 * n) * 1e6);
    }
    m.put("round_trips_per_s[" + label + "]", SyncStat.of(rtps, "round_trips/s", "higher"));
    m.put("per_handoff_us[" + label + "]", SyncStat.of(lat, "us", "lower"));
  }

  private double pingPongOnce(boolean events, int n, int parentCpu, int childCpu)
      throws InterruptedException {
    Lock lock = new Lock();
    SharedWords counter = new SharedWords(1);
    Serializable a = events ? new Event() : new Semaphore(0);
    Serializable b = events ? new Event() : new Semaphore(0);
    SyncGate gate = SyncGate.create();
    List<Process> procs = List.of(new Process(SyncChildren::pingPong,
        new SyncChildren.PingPong(gate, events, lock, counter, a, b, n, childCpu)));
    procs.get(0).start();
    gate.awaitReady(procs);
    com.sun.jna.Memory old = parentCpu >= 0 ? Affinity.pin(parentCpu) : null;
    long t0 = System.nanoTime();
    try {
      gate.go().set();
      if (events) {
        eventRounds(lock, counter, (Event) a, (Event) b, n);
      } else {
        semaphoreRounds(lock, counter, (Semaphore) a, (Semaphore) b, n);
      }
    } finally {
      if (old != null) {
        Affinity.restore(old);
      }
    }
    long t1 = System.nanoTime();
    gate.awaitFinished(procs);
    SyncGate.joinAll(procs);
    check(counter.getInt(0) == 2 * n, "ping-pong counter " + counter.getInt(0) + " != " + 2 * n);
    counter.release();
    gate.close();
    lock.close();
    return (t1 - t0) / 1e9;
  }

  private static void semaphoreRounds(Lock lock, SharedWords counter, Semaphore toChild,
      Semaphore toParent, int n) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      SyncChildren.increment(lock, counter);
      toChild.release();
      toParent.acquire();
    }
  }

  private static void eventRounds(Lock lock, SharedWords counter, Event toChild, Event toParent,
      int n) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      SyncChildren.increment(lock, counter);
      toChild.set();
      toParent.await();
      toParent.clear();
    }
  }

  /** 4 processes x 10,000 locked increments of a shared int; also unlocked, for information. */
  Map<String, SyncStat> valueIncrement() throws InterruptedException {
    int procs = 4;
    int each = 10_000;
    List<Double> locked = new ArrayList<>();
    List<Double> racy = new ArrayList<>();
    for (int rep = 0; rep < pick(5, 3); rep++) {
      locked.add(procs * each / incrementsOnce(procs, each, true, true));
    }
    for (int rep = 0; rep < pick(3, 1); rep++) {
      racy.add(procs * each / incrementsOnce(procs, each, false, false));
    }
    Map<String, SyncStat> m = new LinkedHashMap<>();
    m.put("ops_per_s[locked]", SyncStat.of(locked, "increments/s", "higher"));
    m.put("ops_per_s[unlocked_racy]", SyncStat.of(racy, "increments/s", "higher"));
    return m;
  }

  private double incrementsOnce(int procs, int each, boolean locked, boolean exact)
      throws InterruptedException {
    Lock lock = new Lock();
    SharedWords value = new SharedWords(1);
    SyncGate gate = SyncGate.create();
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < procs; i++) {
      ps.add(new Process(SyncChildren::increments,
          new SyncChildren.Increments(gate, lock, value, each, locked)));
    }
    double work = Gated.run(gate, ps)[0];
    if (exact) {
      check(value.getInt(0) == procs * each, "locked increments lost updates: "
          + value.getInt(0) + " != " + procs * each);
    }
    value.release();
    gate.close();
    lock.close();
    return work;
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException("check failed: " + message);
    }
  }
}
