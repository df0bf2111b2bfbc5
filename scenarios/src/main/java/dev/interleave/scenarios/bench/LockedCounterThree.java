package dev.interleave.scenarios.bench;

import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Held;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The exhaustive workload of {@link ExploreBench}: the article's locked counter (4.1) with three
 * processes, each decrementing a number in a file under a shared {@link Lock}, explored
 * exhaustively (within preemption bound 2 unless the bench overrides it). Every schedule counts
 * every decrement; the figure is how many schedules exhausting the space takes, and how long.
 * The points before the file's read and write name the file ({@code point(label, key)}), so the
 * reduction knows that they touch the file and nothing else; with label-only points they would
 * race with every operation.
 */
public class LockedCounterThree {
  static final int PROCESSES = 3;

  @InterleaveTest(strategy = Strategy.EXHAUSTIVE, preemptionBound = 2, schedules = 100_000)
  void exhaust(Scenario s) {
    s.acceptable("0", "every decrement counted");
    s.body(run -> {
      Path file = Files.writeString(run.tempDir().resolve("num.txt"),
          Integer.toString(PROCESSES));
      Lock lock = new Lock();
      run.onEnd(lock::close);
      List<Process> ps = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        Process p = new Process(LockedCounterThree::decrement, lock, file);
        p.start();
        ps.add(p);
      }
      for (Process p : ps) {
        p.join();
      }
      run.outcome(Files.readString(file).trim());
    });
  }

  static void decrement(Lock lock, Path file) throws IOException, InterruptedException {
    try (Held held = lock.hold()) {
      Interleave.point("read num.txt", "num.txt");
      int n = Integer.parseInt(Files.readString(file).trim());
      Interleave.point("write num.txt", "num.txt");
      Files.writeString(file, Integer.toString(n - 1));
    }
  }
}
