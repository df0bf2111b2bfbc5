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
  /** The system property that changes the process count (ExploreBench splits costs with it). */
  static final String PROCESSES = "bench.processes";

  @InterleaveTest(schedules = 1000)
  void explore(Scenario s) {
    s.acceptable("0", "no update lost");
    int processes = Integer.getInteger(PROCESSES, 10);
    for (int i = 1; i <= Math.max(processes, 10); i++) {
      s.interesting(Integer.toString(i), i + " updates lost");
    }
    s.body(run -> {
      Path file = Files.writeString(run.tempDir().resolve("num.txt"),
          Integer.toString(processes));
      List<Process> ps = new ArrayList<>();
      for (int i = 0; i < processes; i++) {
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
