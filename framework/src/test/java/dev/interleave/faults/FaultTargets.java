package dev.interleave.faults;

import dev.interleave.mp.Barrier;
import dev.interleave.mp.Connection;
import dev.interleave.mp.Event;
import dev.interleave.mp.Lock;
import dev.interleave.mp.ManagerException;
import dev.interleave.mp.Queue;
import dev.interleave.mp.QueueProxy;
import dev.interleave.mp.Semaphore;

/** Targets and tasks the fault tests run in child JVMs, each until it is killed. */
final class FaultTargets {
  /** Every other item is this many times smaller: it streams through the ring, not a file. */
  static final int SMALL_ITEM_DIVISOR = 24;

  private FaultTargets() {}

  /** The size of item {@code seq}: {@code size} for even ones, a ring-sized one for odd ones. */
  static int sizeOf(long seq, int size) {
    return seq % 2 == 0 ? size : size / SMALL_ITEM_DIVISOR;
  }

  static void holdLock(Lock lock, Event holding) throws InterruptedException {
    lock.acquire();
    holding.set();
    Thread.sleep(Long.MAX_VALUE);
  }

  static void holdPermit(Semaphore sem, Event holding) throws InterruptedException {
    sem.acquire();
    holding.set();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Puts items of {@link Payloads} until killed, marking each put's start and end. */
  static void putForever(Queue<byte[]> q, Progress progress, Integer size)
      throws InterruptedException {
    for (long i = 0; ; i++) {
      byte[] item = Payloads.of(i, sizeOf(i, size));
      progress.begin(i);
      q.put(item);
      progress.end(i);
    }
  }

  /** Sends messages of {@link Payloads} until killed, marking each send's start and end. */
  static void sendForever(Connection c, Progress progress, Integer size)
      throws InterruptedException {
    for (long i = 0; ; i++) {
      byte[] message = Payloads.of(i, sizeOf(i, size));
      progress.begin(i);
      c.sendBytes(message);
      progress.end(i);
    }
  }

  /**
   * Says it is ready, then blocks in a get on a manager's queue; reports what ended the get and
   * when ({@link System#nanoTime()}, one clock for every process of the machine on Linux).
   */
  static void blockOnManager(QueueProxy<String> managed, Queue<String> report)
      throws InterruptedException {
    report.put("ready");
    String outcome;
    try {
      outcome = "got " + managed.get();
    } catch (ManagerException e) {
      outcome = "ManagerException";
    } catch (RuntimeException e) {
      outcome = e.getClass().getName() + ": " + e.getMessage();
    }
    report.put(outcome + " " + System.nanoTime());
  }

  /** A pool task that reports its worker's pid, then runs until its worker is killed. */
  static int reportPidAndStall(Queue<Long> pids) throws InterruptedException {
    pids.put(ProcessHandle.current().pid());
    Thread.sleep(Long.MAX_VALUE);
    return 0;
  }

  /** Once every party met at {@code start}, puts {@code count} longs {@code id * 1e6 + seq}. */
  static void produce(Queue<Long> q, Integer id, Integer count, Barrier start)
      throws InterruptedException {
    start.await();
    for (int i = 0; i < count; i++) {
      q.put(id * 1_000_000L + i);
    }
  }

  /** Once every party met at {@code start}, gets longs until a null, then reports them. */
  static void consume(Queue<Long> q, Queue<long[]> results, Barrier start)
      throws InterruptedException {
    start.await();
    long[] got = new long[1024];
    int n = 0;
    for (Long x = q.get(); x != null; x = q.get()) {
      if (n == got.length) {
        got = java.util.Arrays.copyOf(got, n * 2);
      }
      got[n++] = x;
    }
    results.put(java.util.Arrays.copyOf(got, n));
  }

  /** Puts items of {@link Payloads} until a put fails; sends how many went in and the failure. */
  static void putUntilFull(Queue<byte[]> q, Integer size, Connection report)
      throws InterruptedException {
    for (long i = 0; ; i++) {
      try {
        q.put(Payloads.of(i, sizeOf(i, size)));
      } catch (RuntimeException e) {
        report.send(i + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return;
      }
    }
  }

  static int square(int x) {
    return x * x;
  }
}
