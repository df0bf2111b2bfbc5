package dev.interleave.scenarios.harness;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * The article's counter (4.1) under the harness, through the public API only: without its lock
 * an update is lost in some interleaving; with it, in none.
 */
@Timeout(120)
class CounterHarnessTest {

  static void decrement(Path file) throws IOException {
    Interleave.point("read num.txt");
    int n = Integer.parseInt(Files.readString(file).trim());
    Interleave.point("write num.txt");
    Files.writeString(file, Integer.toString(n - 1));
  }

  static void lockedDecrement(Lock lock, Path file) throws Exception {
    lock.acquire();
    try {
      decrement(file);
    } finally {
      lock.release();
    }
  }

  static int read(Path file) {
    try {
      return Integer.parseInt(Files.readString(file).trim());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 200, seed = 41, expect = Expect.VIOLATION)
  void withoutTheLockAnUpdateIsLost(Scenario s) {
    s.body(run -> {
      Path file = Files.writeString(run.tempDir().resolve("num.txt"), "2");
      Process a = new Process(CounterHarnessTest::decrement, file);
      Process b = new Process(CounterHarnessTest::decrement, file);
      a.start();
      b.start();
      a.join();
      b.join();
      run.finalInvariant("counter == 0", () -> read(file) == 0);
    });
  }

  @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 1000, preemptionBound = 2)
  void withTheLockNoUpdateIsLost(Scenario s) {
    s.acceptable("0", "both decrements counted");
    s.body(run -> {
      Path file = Files.writeString(run.tempDir().resolve("num.txt"), "2");
      Lock lock = new Lock();
      run.onEnd(lock::close);
      Process a = new Process(CounterHarnessTest::lockedDecrement, lock, file);
      Process b = new Process(CounterHarnessTest::lockedDecrement, lock, file);
      a.start();
      b.start();
      a.join();
      b.join();
      run.outcome(read(file));
    });
  }
}
