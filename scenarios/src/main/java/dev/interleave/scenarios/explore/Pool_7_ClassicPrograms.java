package dev.interleave.scenarios.explore;

import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.AsyncResult;
import dev.interleave.mp.Pool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Section 7's programs under the harness: {@code apply} runs tasks one after another in every
 * schedule while {@code applyAsync} lets them overlap; {@code map} returns results in task order
 * whatever order the workers finish in; a callback has run when {@code get()} returns.
 */
public class Pool_7_ClassicPrograms {
  static final int TASKS = 3;

  /** Logs its start and end in {@code log}, with a point in between where others may run. */
  static int task(Path log, int i) throws IOException {
    append(log, "s" + i);
    Interleave.point("task " + i + " works");
    append(log, "e" + i);
    return i * i;
  }

  private static void append(Path log, String entry) throws IOException {
    Files.writeString(log, entry + " ", StandardOpenOption.APPEND);
  }

  static String runTasks(Path dir, boolean async) throws Exception {
    Path log = Files.writeString(dir.resolve("log.txt"), "");
    Pool pool = new Pool(2);
    try {
      List<AsyncResult<Integer>> pending = new ArrayList<>();
      for (int i = 0; i < TASKS; i++) {
        int n = i;
        if (async) {
          pending.add(pool.applyAsync(Pool_7_ClassicPrograms::task, log, n));
        } else {
          pool.apply(Pool_7_ClassicPrograms::task, log, n);
        }
      }
      for (AsyncResult<Integer> r : pending) {
        r.get();
      }
      pool.shutdown();
      pool.join();
    } finally {
      pool.close();
    }
    return Files.readString(log).trim();
  }

  static boolean serial(String log) {
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < TASKS; i++) {
      expected.append(i == 0 ? "" : " ").append("s").append(i).append(" e").append(i);
    }
    return log.equals(expected.toString());
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 10)
  void applyRunsTasksOneAfterAnother(Scenario s) {
    s.acceptable("serial", "each task started after the previous one ended");
    s.body(run -> {
      String log = runTasks(run.tempDir(), false);
      run.finalInvariant("apply runs one task at a time", () -> serial(log));
      run.outcome(serial(log) ? "serial" : log);
    });
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 20)
  void applyAsyncLetsTasksOverlap(Scenario s) {
    s.acceptable("serial", "the tasks happened to run one after another");
    s.interesting("overlapped", "a task started before another had ended");
    s.body(run -> run.outcome(serial(runTasks(run.tempDir(), true)) ? "serial" : "overlapped"));
  }

  static int slowSquare(int x) {
    Interleave.point("square " + x);
    return x * x;
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 10)
  void mapReturnsResultsInTaskOrder(Scenario s) {
    s.body(run -> {
      Pool pool = new Pool(2);
      try {
        List<Integer> squares = pool.map(Pool_7_ClassicPrograms::slowSquare, List.of(0, 1, 2, 3), 1);
        run.finalInvariant("results in task order", () -> squares.equals(List.of(0, 1, 4, 9)));
        pool.shutdown();
        pool.join();
      } finally {
        pool.close();
      }
    });
  }

  @InterleaveTest(strategy = Strategy.PCT, schedules = 10)
  void theCallbackRanWhenGetReturns(Scenario s) {
    s.body(run -> {
      Pool pool = new Pool(1);
      try {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AsyncResult<Integer> r = pool.applyAsync(Pool_7_ClassicPrograms::slowSquare, 7,
            seen::add, null);
        int value = r.get();
        boolean ran = seen.equals(List.of(value));
        run.finalInvariant("callback ran before get() returned", () -> ran);
        pool.shutdown();
        pool.join();
      } finally {
        pool.close();
      }
    });
  }
}
