package dev.interleave.internal.harness;

import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Mode;
import dev.interleave.harness.Run;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Barrier;
import dev.interleave.mp.Condition;
import dev.interleave.mp.Connection;
import dev.interleave.mp.ConnectionEOFException;
import dev.interleave.mp.Event;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Pipe;
import dev.interleave.mp.Process;
import dev.interleave.mp.Queue;
import dev.interleave.mp.Semaphore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Small programs, one per primitive, each run both uncontrolled ({@code uncontrolled}: real
 * parallel processes with seeded noise) and under bounded exhaustive control ({@code
 * controlled}); {@link ConformanceTest} compares their outcome sets. Nested so that Surefire does
 * not run them directly.
 */
final class ConformanceFixtures {
  private ConformanceFixtures() {}

  /** Appends {@code text} to {@code file} (one write: atomic enough for these programs). */
  static void log(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardOpenOption.APPEND);
  }

  static Path logFile(Run run) throws Exception {
    return Files.writeString(run.tempDir().resolve("log.txt"), "");
  }

  /** One program, run under bounded exhaustive control and for real. */
  abstract static class Program {
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 2000, preemptionBound = 2)
    void controlled(Scenario s) {
      s.body(this::body);
    }

    @InterleaveTest(mode = Mode.STRESS, schedules = 40, seed = 1)
    void uncontrolled(Scenario s) {
      s.body(this::body);
    }

    abstract void body(Run run) throws Exception;
  }

  static class MutualExclusion extends Program {
    @Override
    void body(Run run) throws Exception {
      Path log = logFile(run);
      Lock lock = new Lock();
      run.onEnd(lock::close);
      Process a = new Process(MutualExclusion::critical, lock, log, "a");
      Process b = new Process(MutualExclusion::critical, lock, log, "b");
      a.start();
      b.start();
      a.join();
      b.join();
      run.outcome(Files.readString(log));
    }

    static void critical(Lock lock, Path log, String who) throws Exception {
      lock.acquire();
      try {
        log(log, who + "<");
        Interleave.point("inside");
        log(log, ">");
      } finally {
        lock.release();
      }
    }
  }

  static class SemaphoreSignal extends Program {
    /** A semaphore used as a signal: the waiter passes only after the release. */
    @Override
    void body(Run run) throws Exception {
      Path log = logFile(run);
      Semaphore signal = new Semaphore(0);
      run.onEnd(signal::close);
      Process waiter = new Process(SemaphoreSignal::await, signal, log);
      waiter.start();
      log(log, "release,");
      signal.release();
      waiter.join();
      run.outcome(Files.readString(log));
    }

    static void await(Semaphore signal, Path log) throws Exception {
      signal.acquire();
      log(log, "passed");
    }
  }

  static class EventPulse extends Program {
    /** set() then clear() at once: a waiter sees the pulse if it waited before it. */
    @Override
    void body(Run run) throws Exception {
      Path log = logFile(run);
      Event e = new Event();
      run.onEnd(e::close);
      Process waiter = new Process(EventPulse::await, e, log);
      waiter.start();
      e.set();
      e.clear();
      waiter.join();
      run.outcome(Files.readString(log));
    }

    static void await(Event e, Path log) throws Exception {
      log(log, e.await(Duration.ofMillis(200)) ? "saw it" : "timed out");
    }
  }

  static class ConditionSignal extends Program {
    @Override
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 3000, preemptionBound = 1)
    void controlled(Scenario s) {
      s.body(this::body);
    }

    /** One signal, one waiter with a timeout: it is woken, or it times out first. */
    @Override
    void body(Run run) throws Exception {
      Path log = logFile(run);
      Condition c = new Condition();
      run.onEnd(c::close);
      Process waiter = new Process(ConditionSignal::await, c, log);
      waiter.start();
      c.acquire();
      c.signal();
      c.release();
      waiter.join();
      run.outcome(Files.readString(log));
    }

    static void await(Condition c, Path log) throws Exception {
      c.acquire();
      try {
        log(log, c.await(Duration.ofMillis(200)) ? "woken" : "timed out");
      } finally {
        c.release();
      }
    }
  }

  static class BarrierArrivals extends Program {
    /** Two parties: both pass, one with index 0 and one with 1; nobody passes alone. */
    @Override
    void body(Run run) throws Exception {
      Path log = logFile(run);
      Barrier b = new Barrier(2);
      run.onEnd(b::close);
      Process p = new Process(BarrierArrivals::arrive, b, log);
      p.start();
      int mine = b.await();
      p.join();
      String other = Files.readString(log);
      run.outcome("main " + mine + ", child " + other);
    }

    static void arrive(Barrier b, Path log) throws Exception {
      log(log, Integer.toString(b.await()));
    }
  }

  static class QueueOrder extends Program {
    /** One producer's items arrive in order; a get with a timeout may come before them. */
    @Override
    void body(Run run) throws Exception {
      Path log = logFile(run);
      Queue<Integer> q = new Queue<>();
      run.onEnd(q::close);
      Process consumer = new Process(QueueOrder::consume, q, log);
      consumer.start();
      q.put(1);
      q.put(2);
      consumer.join();
      run.outcome(Files.readString(log));
    }

    static void consume(Queue<Integer> q, Path log) throws Exception {
      log(log, q.get() + "," + q.get());
    }
  }

  static class PipeEof extends Program {
    /** A writer sends one message and exits: the reader gets it, then end-of-file. */
    @Override
    void body(Run run) throws Exception {
      Pipe pipe = Pipe.open(false);
      Connection reader = pipe.first();
      Process writer = new Process(PipeEof::write, pipe.second());
      writer.start();
      pipe.second().close();
      String got = reader.recv();
      String then;
      try {
        then = "more: " + reader.recv();
      } catch (ConnectionEOFException e) {
        then = "EOF";
      }
      writer.join();
      reader.close();
      run.outcome(got + ", " + then);
    }

    static void write(Connection c) throws Exception {
      c.send("x");
      c.close();
    }
  }

  static class Termination extends Program {
    @Override
    @InterleaveTest(mode = Mode.STRESS, schedules = 12, seed = 8)
    void uncontrolled(Scenario s) {
      s.body(this::body);
    }

    /** terminate() racing with the child's own end: -15, or 0 if it had already finished. */
    @Override
    void body(Run run) throws Exception {
      Path log = logFile(run);
      Process p = new Process(Termination::work, log);
      p.start();
      p.terminate();
      p.join();
      String wrote = Files.readString(log);
      run.outcome(p.exitCode().orElse(Integer.MIN_VALUE) + (wrote.isEmpty() ? "" : " " + wrote));
    }

    static void work(Path log) throws Exception {
      Interleave.point("working");
      log(log, "done");
    }
  }

  static class Grandchildren extends Program {
    /**
     * A child starts a process of its own and ends without joining it: the grandchild runs
     * before or after the child's next step, and the child's exit waits for it, as CPython's
     * exit handler does, so main's join sees both done.
     */
    @Override
    void body(Run run) throws Exception {
      Path log = logFile(run);
      Process p = new Process(Grandchildren::parent, log);
      p.start();
      p.join();
      run.outcome(Files.readString(log) + " " + p.exitCode().orElse(Integer.MIN_VALUE));
    }

    static void parent(Path log) throws Exception {
      new Process(Grandchildren::child, log).start();
      Interleave.point("started"); // code between points is one step: the write needs its own
      log(log, "p");
    }

    static void child(Path log) throws Exception {
      log(log, "g");
    }
  }
}
