package dev.interleave.scenarios.explore;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Article 5.1: three producers put one number each into a {@code Queue(5)}, two consumers get
 * one each, main takes the last. Nothing is lost or duplicated (a final invariant), and a get
 * never returns before a put (a state invariant: producers mark {@code putting-i} before their
 * put, consumers {@code got-i} after their get).
 */
public class Ipc_5_1_QueueHandOff {

  static void produce(Integer item, Queue<Integer> q, Path dir) throws Exception {
    Files2.touch(dir.resolve("putting-" + item));
    q.put(item);
  }

  static void consume(Queue<Integer> q, Path dir) throws Exception {
    Integer item = q.get();
    Files.writeString(dir.resolve("got-" + item + "-" + ProcessHandle.current().pid()
        + "-" + System.nanoTime()), "");
  }

  static long marks(Path dir, String prefix) throws Exception {
    try (var s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
    }
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 50)
  void nothingLostOrDuplicated(Scenario s) {
    s.acceptable("[1, 2, 3]", "every item taken exactly once");
    s.body(run -> {
      Path dir = run.tempDir();
      run.invariant("gets <= puts begun", () -> {
        try {
          return marks(dir, "got-") <= marks(dir, "putting-");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Queue<Integer> q = new Queue<>(5);
      run.onEnd(q::close);
      List<Process> ps = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ps.add(new Process(Ipc_5_1_QueueHandOff::consume, q, dir));
      }
      for (int i = 1; i <= 3; i++) {
        ps.add(new Process(Ipc_5_1_QueueHandOff::produce, i, q, dir));
      }
      for (Process p : ps) {
        p.start();
      }
      for (Process p : ps) {
        p.join();
      }
      List<Integer> taken = new ArrayList<>();
      try (var files = Files.list(dir)) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("got-"))
            .forEach(n -> taken.add(Integer.parseInt(n.split("-")[1])));
      }
      taken.add(q.get());
      List<Integer> sorted = new ArrayList<>(taken);
      sorted.sort(null);
      run.finalInvariant("each item once", () -> sorted.equals(List.of(1, 2, 3)));
      run.outcome(new TreeSet<>(taken).size() == taken.size() ? sorted : taken);
    });
  }
}
