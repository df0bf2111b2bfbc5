package dev.interleave.scenarios.bench;

import dev.interleave.internal.runtime.Launcher;
import dev.interleave.mp.Event;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import dev.interleave.mp.RLock;
import dev.interleave.mp.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** semaphore_capacity3, event_gating_latency and the CPU of a blocked waiter. */
final class SignalWorkloads {
  private final boolean quick;

  SignalWorkloads(boolean quick) {
    this.quick = quick;
  }

  /** Semaphore(3); 10 processes x 1,000 x {acquire; count under a lock; parkNanos(1); ...}. */
  Map<String, SyncStat> semaphoreCapacity3() throws InterruptedException {
    int procs = 10;
    int iterations = 1_000;
    List<Double> work = new ArrayList<>();
    List<Double> total = new ArrayList<>();
    List<Double> ops = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    List<Double> parks = new ArrayList<>();
    List<Double> futile = new ArrayList<>();
    for (int rep = 0; rep < (quick ? 2 : 3); rep++) {
      double[] times = capacityOnce(procs, iterations);
      work.add(times[0]);
      total.add(times[1]);
      ops.add(procs * iterations / times[0]);
      cpu.add(times[2]);
      parks.add(times[3]);
      futile.add(times[4]);
    }
    Map<String, SyncStat> m = new LinkedHashMap<>();
    m.put("work_s", SyncStat.of(work, "s", "lower"));
    m.put("ops_per_s", SyncStat.of(ops, "acquire_release/s", "higher"));
    m.put("total_incl_start_s", SyncStat.of(total, "s", "lower"));
    m.put("sleep0_us", SyncStat.of(parkNanosCost(), "us", "lower"));
    m.put("work_cpu_us_per_op", SyncStat.of(cpu, "us", "lower"));
    m.put("parks_per_op", SyncStat.of(parks, "parks", "lower"));
    m.put("futile_wakeups_pct", SyncStat.of(futile, "%", "lower"));
    m.put("ten_bare_jvms_s", SyncStat.of(bareJvms(procs, quick ? 2 : 3), "s", "lower"));
    return m;
  }

  /**
   * The bound under {@code total_incl_start_s}: {@code procs} JVMs that run an empty {@code
   * main} with the children's default flags, started together, timed until the last has
   * exited. No child of the workload can reach its gate sooner.
   */
  private static List<Double> bareJvms(int procs, int reps) throws InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(Launcher.DEFAULT_FLAGS.split(" ")));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BareJvm.class.getName()));
    List<Double> seconds = new ArrayList<>();
    for (int rep = 0; rep < reps; rep++) {
      List<java.lang.Process> jvms = new ArrayList<>();
      long t0 = System.nanoTime();
      try {
        for (int i = 0; i < procs; i++) {
          jvms.add(new ProcessBuilder(cmd).inheritIO().start());
        }
        for (java.lang.Process jvm : jvms) {
          LockWorkloads.check(jvm.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)
              && jvm.exitValue() == 0, "a bare JVM did not exit with 0");
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot start a bare JVM: " + e.getMessage(), e);
      } finally {
        jvms.forEach(java.lang.Process::destroyForcibly);
      }
      seconds.add((System.nanoTime() - t0) / 1e9);
    }
    return seconds;
  }

  /** The empty program of {@link #bareJvms}. */
  static final class BareJvm {
    private BareJvm() {}

    public static void main(String[] args) {
      // a JVM's start and exit, nothing else
    }
  }

  /**
   * Returns {work s, total s, children's CPU per acquire/release in us, parks per
   * acquire/release, % of parks that were futile}.
   */
  private double[] capacityOnce(int procs, int iterations) throws InterruptedException {
    // -Dbench.untracked=true: permits not attributed to their holders (no dead-holder recovery)
    Semaphore sem = Boolean.getBoolean("bench.untracked") ? Semaphore.withoutRecovery(3)
        : new Semaphore(3);
    RLock lock = new RLock(); // CPython's Array lock is an RLock
    SharedWords state = new SharedWords(2);
    SyncGate gate = SyncGate.create();
    List<Process> ps = new ArrayList<>();
    SyncChildren.Cost cost = SyncChildren.Cost.create();
    for (int i = 0; i < procs; i++) {
      ps.add(new Process(SyncChildren::capacity,
          new SyncChildren.Capacity(gate, sem, lock, state, iterations, cost)));
    }
    double[] times = Gated.run(gate, ps);
    double ops = (double) procs * iterations;
    long parks = cost.parks().get();
    int cur = state.getInt(0);
    int max = state.getInt(1);
    LockWorkloads.check(cur == 0 && max >= 1 && max <= 3,
        "semaphore invariant violated: cur=" + cur + " max=" + max);
    state.release();
    gate.close();
    sem.close();
    lock.close();
    return new double[] {times[0], times[1], cost.cpuMicros().get() / ops, parks / ops,
        parks == 0 ? 0 : 100.0 * cost.futile().get() / parks};
  }

  /** What one LockSupport.parkNanos(1) costs here (the counterpart of time.sleep(0)). */
  private static List<Double> parkNanosCost() {
    List<Double> us = new ArrayList<>();
    for (int rep = 0; rep < 5; rep++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 1_000; i++) {
        LockSupport.parkNanos(1);
      }
      us.add((System.nanoTime() - t0) / 1_000.0 / 1e3);
    }
    return us;
  }

  /** A child blocked in Event.await(); latency from just before set() to its wake stamp. */
  Map<String, SyncStat> eventGatingLatency() throws InterruptedException {
    int n = quick ? 100 : 500;
    Event ev = new Event();
    Semaphore ready = new Semaphore(0);
    Semaphore woke = new Semaphore(0);
    Semaphore rearm = new Semaphore(0);
    SharedWords stamps = new SharedWords(n);
    SyncGate gate = SyncGate.create();
    List<Process> ps = List.of(new Process(SyncChildren::gating,
        new SyncChildren.Gating(gate, ev, ready, woke, rearm, stamps, n)));
    ps.get(0).start();
    gate.awaitReady(ps);
    gate.go().set();
    long[] setAt = new long[n];
    for (int i = 0; i < n; i++) {
      SyncGate.awaitOne(ready, ps);
      Thread.sleep(1); // the child is now blocked inside await()
      setAt[i] = System.nanoTime();
      ev.set();
      SyncGate.awaitOne(woke, ps);
      ev.clear();
      rearm.release();
    }
    gate.awaitFinished(ps);
    SyncGate.joinAll(ps);
    List<Double> lat = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lat.add((stamps.getLong(i) - setAt[i]) / 1e3);
    }
    stamps.release();
    gate.close();
    for (AutoCloseable c : List.<AutoCloseable>of(ev::close, ready::close, woke::close,
        rearm::close)) {
      closeQuietly(c);
    }
    return Map.of("set_to_wake_us", SyncStat.of(lat, "us", "lower"));
  }

  /** CPU used by a child JVM over one second while its thread is blocked (Java only). */
  Map<String, SyncStat> waiterCpu() throws InterruptedException {
    Map<String, SyncStat> m = new LinkedHashMap<>();
    for (String kind : List.of("lock", "event", "semaphore", "idle")) {
      List<Double> pct = new ArrayList<>();
      for (int rep = 0; rep < (quick ? 1 : 3); rep++) {
        pct.add(blockedCpuPercent(kind));
      }
      m.put("cpu_pct_of_a_core[" + kind + "]", SyncStat.of(pct, "%", "lower"));
    }
    return m;
  }

  private double blockedCpuPercent(String kind) throws InterruptedException {
    Lock lock = new Lock();
    Event ev = new Event();
    Semaphore sem = new Semaphore(0);
    Semaphore blocking = new Semaphore(0);
    SyncGate gate = SyncGate.create();
    lock.acquire();
    List<Process> ps = List.of(new Process(SyncChildren::blocked,
        new SyncChildren.Blocked(gate, kind, lock, ev, sem, blocking)));
    ps.get(0).start();
    gate.awaitReady(ps);
    gate.go().set();
    SyncGate.awaitOne(blocking, ps);
    Thread.sleep(200); // let the waiter finish spinning and the child's start-up JIT settle
    ProcessHandle child = ProcessHandle.of(ps.get(0).pid()).orElseThrow();
    Duration cpu0 = cpu(child);
    long t0 = System.nanoTime();
    Thread.sleep(1_000);
    Duration cpu1 = cpu(child);
    long t1 = System.nanoTime();
    lock.release();
    ev.set();
    sem.release();
    gate.awaitFinished(ps);
    SyncGate.joinAll(ps);
    gate.close();
    for (AutoCloseable c : List.<AutoCloseable>of(lock::close, ev::close, sem::close,
        blocking::close)) {
      closeQuietly(c);
    }
    return cpu1.minus(cpu0).toNanos() * 100.0 / (t1 - t0);
  }

  private static Duration cpu(ProcessHandle h) {
    return h.info().totalCpuDuration().orElseThrow(() ->
        new IllegalStateException("no CPU time for pid " + h.pid()));
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
