package dev.interleave.internal.harness.control;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The worker pools of this JVM, one per way of launching a worker, shared by every test run
 * that wants that kind: a run takes a {@link Lease}, and a pool with no lease left is closed
 * (its JVMs stopped) only after it has lain idle for {@code interleave.workers.lingerMillis}
 * (default {@value #DEFAULT_LINGER_MILLIS} ms), so that runs following each other in one JVM
 * (test classes a build tool runs one by one, the scenarios of one command) find their workers
 * warm. Whatever is left is closed when the JVM exits; a worker whose JVM is killed outright
 * ends by itself once it sees its parent gone.
 */
public final class WorkerPools {
  /** The property naming how long an unused pool is kept, in milliseconds (0: not at all). */
  public static final String LINGER_PROPERTY =
      dev.interleave.harness.InterleaveProperties.WORKERS_LINGER_MILLIS;
  public static final long DEFAULT_LINGER_MILLIS = 10_000;
  private static final Map<String, Shared> POOLS = new HashMap<>();
  private static final ScheduledExecutorService CLOSER = Executors
      .newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "interleave-pool-closer");
        t.setDaemon(true);
        return t;
      });

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(WorkerPools::closeAll,
        "interleave-pool-shutdown"));
  }

  private WorkerPools() {}

  /** A run's hold on the pool for {@code key}, which is made if there is none. */
  public static synchronized Lease lease(String key) {
    lingerMillis(); // a bad value fails the run that sets it, not a pool's close
    Shared s = POOLS.computeIfAbsent(key, k -> new Shared(k, new WorkerPool()));
    s.leases++;
    if (s.closing != null) {
      s.closing.cancel(false);
      s.closing = null;
    }
    return new Lease(s);
  }

  private static synchronized void release(Shared s) {
    if (--s.leases > 0 || POOLS.get(s.key) != s) {
      return;
    }
    long linger;
    try {
      linger = lingerMillis();
    } catch (IllegalArgumentException e) {
      linger = 0; // set wrong since the lease was taken: close at once
    }
    if (linger <= 0) {
      POOLS.remove(s.key);
      closeQuietly(s.pool);
    } else {
      s.closing = CLOSER.schedule(() -> closeIdle(s), linger, TimeUnit.MILLISECONDS);
    }
  }

  private static void closeIdle(Shared s) {
    synchronized (WorkerPools.class) {
      if (s.leases > 0 || POOLS.get(s.key) != s) {
        return;
      }
      POOLS.remove(s.key);
    }
    closeQuietly(s.pool);
  }

  private static void closeAll() {
    Map<String, Shared> left;
    synchronized (WorkerPools.class) {
      left = new HashMap<>(POOLS);
      POOLS.clear();
    }
    for (Shared s : left.values()) {
      closeQuietly(s.pool);
    }
  }

  private static long lingerMillis() {
    String v = System.getProperty(LINGER_PROPERTY);
    if (v == null) {
      return DEFAULT_LINGER_MILLIS;
    }
    try {
      long millis = Long.parseLong(v.strip());
      if (millis >= 0) {
        return millis;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(LINGER_PROPERTY
        + " must be a number of milliseconds >= 0 but was: " + v);
  }

  private static void closeQuietly(WorkerPool pool) {
    try {
      pool.close();
    } catch (java.io.IOException | RuntimeException e) {
      // the workers end by themselves once this JVM is gone
    }
  }

  private static final class Shared {
    final String key;
    final WorkerPool pool;
    int leases;
    ScheduledFuture<?> closing;

    Shared(String key, WorkerPool pool) {
      this.key = key;
      this.pool = pool;
    }
  }

  /** A run's hold on a pool; closing it gives the pool back (once only). */
  public static final class Lease implements AutoCloseable {
    private final Shared shared;
    private boolean closed;

    private Lease(Shared shared) {
      this.shared = shared;
    }

    public WorkerPool pool() {
      return shared.pool;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        release(shared);
      }
    }
  }
}
