package dev.interleave.scenarios.bench;

import dev.interleave.internal.sync.WaitStats;
import dev.interleave.mp.Event;
import dev.interleave.mp.Held;
import dev.interleave.mp.Lock;
import dev.interleave.mp.RLock;
import dev.interleave.mp.RawValue;
import dev.interleave.mp.Semaphore;
import dev.interleave.mp.ValueType;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

/** The child side of each synchronization benchmark, run in child JVMs. */
final class SyncChildren {
  /** Operations a child runs before the gate, so that they are compiled (see {@link Settle}). */
  static final int WARMUP = 5_000;

  private SyncChildren() {}

  /** Arguments of a ping-pong child; {@code cpu} is -1 when unpinned. */
  record PingPong(SyncGate gate, boolean events, Lock lock, SharedWords counter,
      Serializable toChild, Serializable toParent, int rounds, int cpu)
      implements Serializable {}

  static void pingPong(PingPong a) throws InterruptedException {
    if (a.cpu() >= 0) {
      Affinity.pin(a.cpu());
    }
    a.gate().arriveAndWait(() -> {
      for (int i = 0; i < WARMUP; i++) {
        increment(a.lock(), null);
      }
    });
    if (a.events()) {
      Event toChild = (Event) a.toChild();
      Event toParent = (Event) a.toParent();
      for (int i = 0; i < a.rounds(); i++) {
        toChild.await();
        toChild.clear();
        increment(a.lock(), a.counter());
        toParent.set();
      }
    } else {
      Semaphore toChild = (Semaphore) a.toChild();
      Semaphore toParent = (Semaphore) a.toParent();
      for (int i = 0; i < a.rounds(); i++) {
        toChild.acquire();
        increment(a.lock(), a.counter());
        toParent.release();
      }
    }
    a.gate().finish();
  }

  /** Increments word 0 under the lock; with a null counter, only takes and releases the lock. */
  static void increment(Lock lock, SharedWords counter) throws InterruptedException {
    try (Held held = lock.hold()) {
      if (counter != null) {
        counter.setInt(0, counter.getInt(0) + 1);
      }
    }
  }

  /** Arguments of a semaphore-capacity child: words 0 and 1 are current and max holders. */
  record Capacity(SyncGate gate, Semaphore sem, RLock lock, SharedWords state, int iterations,
      Cost cost) implements Serializable {}

  /**
   * What the children's work phase cost, summed over them: their processes' CPU time (every
   * thread, the JIT compiler's too), their parks on the primitives, and the parks after which
   * the primitive was taken again (see {@link WaitStats}).
   */
  record Cost(RawValue<Long> cpuMicros, RawValue<Long> parks, RawValue<Long> futile)
      implements Serializable {
    static Cost create() {
      return new Cost(RawValue.of(ValueType.LONG, 0L), RawValue.of(ValueType.LONG, 0L),
          RawValue.of(ValueType.LONG, 0L));
    }

    static long[] begin() {
      return new long[] {cpuNanos(), WaitStats.parks(), WaitStats.futileWakeUps()};
    }

    void end(long[] begin) {
      cpuMicros.addAndGet((cpuNanos() - begin[0]) / 1_000);
      parks.addAndGet(WaitStats.parks() - begin[1]);
      futile.addAndGet(WaitStats.futileWakeUps() - begin[2]);
    }

    private static long cpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
          .getOperatingSystemMXBean()).getProcessCpuTime();
    }
  }

  static void capacity(Capacity a) throws InterruptedException {
    a.gate().arriveAndWait(() -> {
      for (int i = 0; i < WARMUP; i++) {
        if (a.sem().tryAcquire()) {
          a.sem().release();
        }
        try (Held held = a.lock().hold()) {
          a.state().getInt(0);
        }
      }
    });
    long[] begin = Cost.begin();
    for (int i = 0; i < a.iterations(); i++) {
      a.sem().acquire();
      try (Held held = a.lock().hold()) {
        int cur = a.state().getInt(0) + 1;
        a.state().setInt(0, cur);
        if (cur > a.state().getInt(1)) {
          a.state().setInt(1, cur);
        }
      }
      LockSupport.parkNanos(1); // the equivalent of Python's time.sleep(0)
      try (Held held = a.lock().hold()) {
        a.state().setInt(0, a.state().getInt(0) - 1);
      }
      a.sem().release();
    }
    a.cost().end(begin);
    a.gate().finish();
  }

  /** Arguments of a value-increment child. */
  record Increments(SyncGate gate, Lock lock, SharedWords value, int count, boolean locked)
      implements Serializable {}

  static void increments(Increments a) throws InterruptedException {
    a.gate().arriveAndWait(() -> {
      for (int i = 0; i < WARMUP; i++) {
        increment(a.lock(), null);
        a.value().getInt(0);
      }
    });
    if (a.locked()) {
      for (int i = 0; i < a.count(); i++) {
        increment(a.lock(), a.value());
      }
    } else {
      for (int i = 0; i < a.count(); i++) {
        a.value().setInt(0, a.value().getInt(0) + 1);
      }
    }
    a.gate().finish();
  }

  /** Arguments of the event-gating child. */
  record Gating(SyncGate gate, Event event, Semaphore ready, Semaphore woke, Semaphore rearm,
      SharedWords stamps, int samples) implements Serializable {}

  static void gating(Gating a) throws InterruptedException {
    a.gate().arriveAndWait(() -> {
      for (int i = 0; i < WARMUP; i++) {
        a.event().isSet();
        a.stamps().setLong(0, System.nanoTime());
      }
    });
    for (int i = 0; i < a.samples(); i++) {
      a.ready().release();
      a.event().await();
      a.stamps().setLong(i, System.nanoTime());
      a.woke().release();
      a.rearm().acquire();
    }
    a.gate().finish();
  }

  /** Arguments of a blocked waiter whose CPU use is measured; kind: lock, event, semaphore. */
  record Blocked(SyncGate gate, String kind, Lock lock, Event event, Semaphore sem,
      Semaphore blocking) implements Serializable {}

  static void blocked(Blocked a) throws InterruptedException {
    a.gate().arriveAndWait(() -> { });
    a.blocking().release();
    switch (a.kind()) {
      case "lock" -> a.lock().acquire();
      case "event" -> a.event().await();
      case "semaphore" -> a.sem().acquire();
      default -> Thread.sleep(2_000); // "idle": the JVM's own background CPU, for reference
    }
    a.gate().finish();
  }
}
