package dev.interleave.internal.harness;

import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Run;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Connection;
import dev.interleave.mp.ConnectionEOFException;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Pipe;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import dev.interleave.mp.Value;
import dev.interleave.mp.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenarios run by {@link ReductionTest} with and without exhaustive search's reduction
 * (nested, so Surefire does not run them directly). Every outcome is graded acceptable, so each
 * search runs to its end and the outcome sets compare.
 */
final class ReductionFixtures {
  private ReductionFixtures() {}

  static class Counters {
    /** Two processes read and then write a shared value without a lock: 1 (lost) or 2. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 5000, preemptionBound = 2)
    void racy(Scenario s) {
      s.acceptable("2", "both counted").acceptable("1", "an update lost")
          .body(run -> counter(run, 2, false));
    }

    /** Two processes under a lock: always 2. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 5000, preemptionBound = 2)
    void locked(Scenario s) {
      s.acceptable("2", "both counted").body(run -> counter(run, 2, true));
    }

    /** Two processes under a lock, with no preemption bound. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 5000,
        preemptionBound = InterleaveTest.UNBOUNDED)
    void lockedUnbounded(Scenario s) {
      s.acceptable("2", "both counted").body(run -> counter(run, 2, true));
    }

    /** The locked counter checking a state invariant after every step: not reduced. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 5000, preemptionBound = 2)
    void lockedWithStateInvariant(Scenario s) {
      s.acceptable("2", "both counted").body(run -> {
        run.invariant("never negative", () -> true);
        counter(run, 2, true);
      });
    }
  }

  static class HistoryReader {
    /** The locked counter whose final check reads the step history: not reduced. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 5000, preemptionBound = 2)
    void lockedReadingHistory(Scenario s) {
      s.acceptable("2", "both counted").body(run -> {
        run.finalInvariant("the history has steps", () -> run.history().size() > 0);
        counter(run, 2, true);
      });
    }
  }

  static class Channels {
    /** Two processes send one letter each through one pipe; main reads to the end of stream. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 5000, preemptionBound = 2)
    void pipe(Scenario s) {
      s.acceptable("ab", "a first").acceptable("ba", "b first").body(run -> {
        Pipe pipe = Pipe.open(false);
        Connection in = pipe.first();
        Connection out = pipe.second();
        Process a = new Process(ReductionFixtures::sendOne, out, "a");
        Process b = new Process(ReductionFixtures::sendOne, out, "b");
        a.start();
        b.start();
        out.close();
        StringBuilder got = new StringBuilder();
        try {
          while (true) {
            got.append((String) in.recv());
          }
        } catch (ConnectionEOFException e) {
          // both writers are gone
        }
        a.join();
        b.join();
        in.close();
        run.outcome(got);
      });
    }

    /** Two processes put one letter each into a queue; main takes two. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 5000, preemptionBound = 2)
    void queue(Scenario s) {
      s.acceptable("ab", "a first").acceptable("ba", "b first").body(run -> {
        Queue<String> q = new Queue<>();
        run.onEnd(q::close);
        Process a = new Process(ReductionFixtures::putOne, q, "a");
        Process b = new Process(ReductionFixtures::putOne, q, "b");
        a.start();
        b.start();
        String got = q.get() + q.get();
        a.join();
        b.join();
        run.outcome(got);
      });
    }
  }

  static class RunOn {
    /**
     * A sets z, then x; B reads z, then sets x to 10 + what it read; the outcome is what B read
     * and the last x. "1/1" (B saw A's z, A's x stands) needs B's two steps between A's two: a
     * harness that let A run on through its write of x (which commutes with B's pending read of
     * z) would never reach it.
     */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 5000, preemptionBound = 2)
    void writeAfterRead(Scenario s) {
      s.acceptable("0/1", "B read before A, A wrote last")
          .acceptable("0/10", "B read before A, B wrote last")
          .acceptable("1/1", "B read A's z between A's writes, A wrote last")
          .acceptable("1/11", "B read A's z, B wrote last")
          .body(run -> {
            Value<Integer> z = Value.of(ValueType.INT, 0);
            Value<Integer> x = Value.of(ValueType.INT, 0);
            Value<Integer> seen = Value.of(ValueType.INT, -1);
            Process a = new Process(ReductionFixtures::writeBoth, z, x);
            Process b = new Process(ReductionFixtures::readThenWrite, z, x, seen);
            a.start();
            b.start();
            a.join();
            b.join();
            run.outcome(seen.get() + "/" + x.get());
          });
    }
  }

  static void writeBoth(Value<Integer> z, Value<Integer> x) {
    z.set(1);
    x.set(1);
  }

  static void readThenWrite(Value<Integer> z, Value<Integer> x, Value<Integer> seen) {
    int read = z.get();
    seen.set(read);
    x.set(10 + read);
  }

  static void counter(Run run, int processes, boolean locked) throws Exception {
    Lock lock = new Lock();
    run.onEnd(lock::close);
    Value<Integer> count = Value.of(ValueType.INT, 0);
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      ps.add(new Process(ReductionFixtures::increment, lock, count, locked));
    }
    for (Process p : ps) {
      p.start();
    }
    for (Process p : ps) {
      p.join();
    }
    run.outcome(count.get());
  }

  static void increment(Lock lock, Value<Integer> count, Boolean locked) throws Exception {
    if (locked) {
      lock.acquire();
    }
    int seen = count.get();
    count.set(seen + 1);
    if (locked) {
      lock.release();
    }
  }

  static void sendOne(Connection out, String letter) throws Exception {
    out.send(letter);
    out.close();
  }

  static void putOne(Queue<String> q, String letter) throws Exception {
    q.put(letter);
  }
}
