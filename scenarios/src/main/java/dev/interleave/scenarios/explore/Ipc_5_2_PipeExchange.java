package dev.interleave.scenarios.explore;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Connection;
import dev.interleave.mp.Pipe;
import dev.interleave.mp.Process;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Article 5.2: a duplex pipe. The child sends its greeting and three numbered messages, then
 * waits for the answer; main receives all four in order and answers. Nothing is lost,
 * duplicated or reordered, and the child gets the answer (written to a file main reads).
 */
public class Ipc_5_2_PipeExchange {
  static final int MESSAGES = 3;

  static void child(Connection conn, Path answer) throws Exception {
    conn.send("hello");
    for (int i = 1; i <= MESSAGES; i++) {
      conn.send("message " + i);
    }
    String reply = conn.recv();
    Files.writeString(answer, reply);
    conn.close();
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 50)
  void everyMessageArrivesOnceInOrder(Scenario s) {
    s.acceptable("hello, message 1, message 2, message 3 / answered", "all in order, answered");
    s.body(run -> {
      Path answer = run.tempDir().resolve("answer");
      Pipe pipe = Pipe.open();
      Connection parent = pipe.first();
      Connection childEnd = pipe.second();
      run.onEnd(parent::close);
      run.onEnd(childEnd::close);
      Process p = new Process(Ipc_5_2_PipeExchange::child, childEnd, answer);
      p.start();
      List<String> got = new ArrayList<>();
      for (int i = 0; i <= MESSAGES; i++) {
        got.add(parent.recv());
      }
      parent.send("hi, child");
      p.join();
      boolean answered = Files.exists(answer) && Files.readString(answer).equals("hi, child");
      run.finalInvariant("messages in order", () -> got.equals(
          List.of("hello", "message 1", "message 2", "message 3")));
      run.finalInvariant("child answered", () -> answered);
      run.outcome(String.join(", ", got) + (answered ? " / answered" : " / no answer"));
    });
  }
}
