package dev.interleave.scenarios.bench;

import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.mp.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload of {@link ExploreBench}: the article's counter (4.1) without its lock, ten
 * processes each reading the number from a file, decrementing it and writing it back. Lost
 * updates are graded interesting rather than forbidden, so that every planned schedule runs.
 */
public class RacyCounterTen {
  /** Processes per schedule: 10, or {@code bench.processes} (ExploreBench decomposes costs). */
  static final int PROCESSES = Integer.getInteger("bench.processes", 10);

  @InterleaveTest(schedules = 1000)
  void explore(Scenario s) {
    s.acceptable("0", "no update lost");
    for (int i = 1; i <= Math.max(PROCESSES, 10); i++) {
      s.interesting(Integer.toString(i), i + " updates lost");
    }
    s.body(run -> {
      Path file = Files.writeString(run.tempDir().resolve("num.txt"),
          Integer.toString(PROCESSES));
      List<Process> ps = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        Process p = new Process(RacyCounterTen::decrement, file);
        p.start();
        ps.add(p);
      }
      for (Process p : ps) {
        p.join();
      }
      run.outcome(Files.readString(file).trim());
    });
  }

  static void decrement(Path file) throws IOException {
    Interleave.point("read num.txt");
    int n = Integer.parseInt(Files.readString(file).trim());
    Interleave.point("write num.txt");
    Files.writeString(file, Integer.toString(n - 1));
  }
}
