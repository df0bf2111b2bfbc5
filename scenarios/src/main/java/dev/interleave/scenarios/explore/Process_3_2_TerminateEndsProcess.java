package dev.interleave.scenarios.explore;

import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Process;

/**
 * Article 3.2: main terminates a running child; once joined it is not alive and its exit code
 * says it was terminated (negative, the signal). Checked as final invariants in every schedule.
 */
public class Process_3_2_TerminateEndsProcess {

  static void spin() throws Exception {
    while (true) {
      Interleave.sleep(Files2.articleSeconds(1));
    }
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 20)
  void aTerminatedChildIsNotAlive(Scenario s) {
    s.acceptable("terminated", "joined, not alive, exit code negative");
    s.body(run -> {
      Process p = new Process(Process_3_2_TerminateEndsProcess::spin);
      p.start();
      boolean aliveBefore = p.isAlive();
      p.terminate();
      p.join();
      boolean aliveAfter = p.isAlive();
      int code = p.exitCode().orElse(0);
      run.finalInvariant("alive before terminate", () -> aliveBefore);
      run.finalInvariant("not alive after join", () -> !aliveAfter);
      run.finalInvariant("exit code < 0", () -> code < 0);
      run.outcome(!aliveAfter && code < 0 ? "terminated" : "alive=" + aliveAfter + " code=" + code);
    });
  }
}
