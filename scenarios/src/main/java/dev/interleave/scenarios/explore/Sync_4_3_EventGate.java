package dev.interleave.scenarios.explore;

import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Event;
import dev.interleave.mp.Process;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Article 4.3: the main process gates a child with an Event. The child never passes its wait
 * while the flag is clear (a state invariant over two marker files: main writes {@code set}
 * just before {@code e.set()}, the child writes {@code passed} just after its wait), and it
 * passes once the flag is set (a final invariant).
 */
public class Sync_4_3_EventGate {

  static void child(Event e, Path dir) throws Exception {
    Interleave.point("before the wait");
    e.await();
    Files2.touch(dir.resolve("passed"));
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 50, crossCheck = 10)
  void childPassesOnlyAfterSet(Scenario s) {
    s.acceptable("passed", "the child passed after the flag was set");
    s.body(run -> {
      Path dir = run.tempDir();
      Path set = dir.resolve("set");
      Path passed = dir.resolve("passed");
      run.invariant("passed only after set", () -> !Files.exists(passed) || Files.exists(set));
      Event e = new Event();
      run.onEnd(e::close);
      e.clear();
      Process p = new Process(Sync_4_3_EventGate::child, e, dir);
      p.start();
      Interleave.sleep(Files2.articleSeconds(5)); // the article's clear phase
      Files2.touch(set);
      e.set();
      p.join();
      run.finalInvariant("passed after set", () -> Files.exists(passed));
      run.outcome(Files.exists(passed) ? "passed" : "blocked");
    });
  }
}
