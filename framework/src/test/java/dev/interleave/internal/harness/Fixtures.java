package dev.interleave.internal.harness;

import dev.interleave.harness.Gen;
import dev.interleave.harness.Interleave;
import dev.interleave.harness.Run;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Scenario bodies shared by the harness tests. */
public final class Fixtures {
  private Fixtures() {}

  /** The article's counter without a lock, over 2 to 4 processes. */
  public static void racyCounter(Run run) throws Exception {
    int n = run.draw("processes", Gen.ints(2, 4));
    Path file = Files.writeString(run.tempDir().resolve("num.txt"), Integer.toString(n));
    startAndJoin(n, i -> new Process(Counters::decrement, file));
    run.finalInvariant("counter == 0", () -> Counters.read(file), v -> v == 0);
  }

  /** The same counter, each decrement under a mutex. */
  public static void lockedCounter(Run run) throws Exception {
    Path file = Files.writeString(run.tempDir().resolve("num.txt"), "2");
    Lock lock = new Lock();
    run.onEnd(lock::close);
    startAndJoin(2, i -> new Process(Fixtures::lockedDecrement, lock, file));
    run.finalInvariant("counter == 0", () -> Counters.read(file), v -> v == 0);
  }

  static void lockedDecrement(Lock lock, Path file) throws Exception {
    lock.acquire();
    try {
      Counters.decrement(file);
    } finally {
      lock.release();
    }
  }

  /** Two processes take two mutexes in opposite orders. */
  static void lockOrderReversal(Run run) throws Exception {
    Lock a = new Lock();
    Lock b = new Lock();
    run.onEnd(a::close);
    run.onEnd(b::close);
    startAndJoin(2, i -> i == 0 ? new Process(Fixtures::both, a, b)
        : new Process(Fixtures::both, b, a));
  }

  static void both(Lock first, Lock second) throws Exception {
    first.acquire();
    second.acquire();
    second.release();
    first.release();
  }

  /** Main puts an item into a queue that a process is (perhaps already) waiting on. */
  static void queueHandOff(Run run) throws Exception {
    Queue<String> q = new Queue<>();
    run.onEnd(q::close);
    Path out = run.tempDir().resolve("got.txt");
    Process consumer = new Process(Fixtures::consume, q, out);
    consumer.start();
    Interleave.point("before put");
    q.put("hello");
    consumer.join();
    run.finalInvariant("the consumer got the item", () -> readQuietly(out).equals("hello"));
  }

  static void consume(Queue<String> q, Path out) throws Exception {
    Files.writeString(out, q.get());
  }

  /** A process that sleeps for real (not at a point) far beyond the hang timeout. */
  static void hanging(Run run) throws Exception {
    startAndJoin(1, i -> new Process(Fixtures::sleepForReal));
  }

  static void sleepForReal() throws InterruptedException {
    Interleave.point("before the long sleep");
    Thread.sleep(60_000);
  }

  /** Sleeps in virtual time: minutes that cost nothing. */
  static void sleepers(Run run) throws Exception {
    Path file = Files.writeString(run.tempDir().resolve("order.txt"), "");
    startAndJoin(2, i -> new Process(Fixtures::sleepThenAppend, file, (i + 1) * 60));
    run.finalInvariant("both sleepers appended, in either order",
        () -> readQuietly(file).equals("60,120,") || readQuietly(file).equals("120,60,"));
  }

  static void sleepThenAppend(Path file, Integer seconds) throws Exception {
    Interleave.sleep(Duration.ofSeconds(seconds));
    Interleave.point("append");
    Files.writeString(file, Files.readString(file) + seconds + ",");
  }

  static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  interface Maker {
    Process make(int i);
  }

  static void startAndJoin(int n, Maker maker) throws InterruptedException {
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Process p = maker.make(i);
      p.start();
      ps.add(p);
    }
    for (Process p : ps) {
      p.join();
    }
  }
}
