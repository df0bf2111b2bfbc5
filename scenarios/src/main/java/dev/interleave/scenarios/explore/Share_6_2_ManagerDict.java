package dev.interleave.scenarios.explore;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Gen;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.DictProxy;
import dev.interleave.mp.Held;
import dev.interleave.mp.ListProxy;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Manager;
import dev.interleave.mp.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Article 6.2: processes decrement a count in a manager's dict and append to a manager's list.
 * {@code d.put("count", d.get("count") - 1)} is two proxy calls, each a scheduling point: without
 * a lock another process's update can fall between them and be lost (found and shrunk to two
 * processes); with a {@link Lock} around the two calls, none is lost. The list's appends are
 * single calls and never lost.
 */
public class Share_6_2_ManagerDict {
  static final int LOCKED_PROCESSES = 3;

  static void decrement(DictProxy<String, Integer> d, ListProxy<Integer> l, Integer n) {
    d.put("count", d.get("count") - 1);
    l.add(n);
  }

  static void decrementLocked(DictProxy<String, Integer> d, ListProxy<Integer> l, Integer n,
      Lock lock) throws InterruptedException {
    try (Held held = lock.hold()) {
      d.put("count", d.get("count") - 1);
    }
    l.add(n);
  }

  static void joinAll(List<Process> ps) throws InterruptedException {
    for (Process p : ps) {
      p.join();
    }
  }

  /**
   * Two to four processes (drawn, so that the count shrinks; the article program runs ten)
   * without a lock: an update is lost.
   */
  @InterleaveTest(strategy = Strategy.PCT, schedules = 100, expect = Expect.VIOLATION)
  void anUpdateIsLostWithoutALock(Scenario s) {
    s.body(run -> {
      int processes = run.draw("processes", Gen.ints(2, 4));
      Manager m = Manager.launch();
      run.onEnd(m::shutdown);
      DictProxy<String, Integer> d = m.dict(Map.of("count", processes));
      ListProxy<Integer> l = m.list();
      List<Process> ps = new ArrayList<>();
      for (int i = 0; i < processes; i++) {
        Process p = new Process(Share_6_2_ManagerDict::decrement, d, l, i);
        p.start();
        ps.add(p);
      }
      joinAll(ps);
      int count = d.get("count");
      int appended = l.size();
      run.finalInvariant("every append arrived", () -> appended == processes);
      run.finalInvariant("count == 0", () -> count, v -> v == 0);
    });
  }

  /** The same under a lock: no update is lost. */
  @InterleaveTest(strategy = Strategy.PCT, pctDepth = 2, schedules = 60)
  void noUpdateIsLostUnderALock(Scenario s) {
    s.body(run -> {
      Manager m = Manager.launch();
      run.onEnd(m::shutdown);
      Lock lock = new Lock();
      run.onEnd(lock::close);
      DictProxy<String, Integer> d = m.dict(Map.of("count", LOCKED_PROCESSES));
      ListProxy<Integer> l = m.list();
      List<Process> ps = new ArrayList<>();
      for (int i = 0; i < LOCKED_PROCESSES; i++) {
        Process p = new Process(Share_6_2_ManagerDict::decrementLocked, d, l, i, lock);
        p.start();
        ps.add(p);
      }
      joinAll(ps);
      int count = d.get("count");
      run.finalInvariant("count == 0", () -> count, v -> v == 0);
      run.outcome(l.size());
    });
  }
}
