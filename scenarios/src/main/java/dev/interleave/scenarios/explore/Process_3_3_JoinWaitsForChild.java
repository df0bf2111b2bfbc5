package dev.interleave.scenarios.explore;

import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Process;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Article 3.3: main joins its child before it goes on. An ordering through shared state: the
 * child writes {@code done} as its last act, and main, right after {@code join}, must see it.
 */
public class Process_3_3_JoinWaitsForChild {

  static void child(Path done) throws Exception {
    Interleave.point("child works");
    Interleave.sleep(Files2.articleSeconds(3));
    Files2.touch(done);
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 30)
  void mainGoesOnOnlyAfterTheChildEnded(Scenario s) {
    s.acceptable("child ended first", "join returned after the child's last act");
    s.body(run -> {
      Path done = run.tempDir().resolve("done");
      Process p = new Process(Process_3_3_JoinWaitsForChild::child, done);
      p.start();
      Interleave.point("main works");
      p.join();
      boolean seen = Files.exists(done);
      run.finalInvariant("child done before join returned", () -> seen);
      run.outcome(seen ? "child ended first" : "join returned early");
    });
  }
}
