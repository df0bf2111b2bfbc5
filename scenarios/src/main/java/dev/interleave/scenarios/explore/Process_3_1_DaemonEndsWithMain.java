package dev.interleave.scenarios.explore;

import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Process;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Article 3.1: a daemon child ticks every second, a non-daemon child works for ten; the main
 * code ends after five. The harness records no ordering over its trace that a check can read,
 * so the order goes through shared state: each tick appends to {@code ticks}, and main, where
 * its code ends, ends the daemon as the runtime does at exit ({@code terminate} and {@code
 * join}), counts the ticks and waits for the non-daemon. The final invariants: no tick after
 * the main code ended, and the non-daemon child finished.
 */
public class Process_3_1_DaemonEndsWithMain {

  static void daemon(Path ticks) throws Exception {
    while (true) {
      Interleave.sleep(Files2.articleSeconds(1));
      Files.writeString(ticks, "tick\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  static void worker(Path done) throws Exception {
    Interleave.sleep(Files2.articleSeconds(10));
    Files2.touch(done);
  }

  static long lines(Path file) throws Exception {
    return Files.exists(file) ? Files.readAllLines(file).size() : 0;
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 20)
  void nothingOfTheDaemonRunsAfterMainEnds(Scenario s) {
    s.acceptable("ok", "the daemon stopped with the main code, the worker finished");
    s.body(run -> {
      Path ticks = run.tempDir().resolve("ticks");
      Path done = run.tempDir().resolve("done");
      Process p = new Process(Process_3_1_DaemonEndsWithMain::daemon, ticks).setDaemon(true);
      p.start();
      Process p2 = new Process(Process_3_1_DaemonEndsWithMain::worker, done);
      p2.start();
      Interleave.sleep(Files2.articleSeconds(5));
      p.terminate(); // what the end of the main code does to daemonic children
      p.join();
      long atEnd = lines(ticks);
      p2.join();
      long later = lines(ticks);
      run.finalInvariant("no daemon tick after main ended", () -> later == atEnd);
      run.finalInvariant("non-daemon child finished", () -> Files.exists(done));
      run.outcome(later == atEnd && Files.exists(done) ? "ok" : "ticks " + atEnd + "/" + later);
    });
  }
}
