package dev.interleave.internal.harness;

import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Run;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Event;
import dev.interleave.mp.Lock;
import dev.interleave.mp.Process;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Scenarios whose controlled runs must do exactly what the runtime does; run by {@link
 * FidelityTest} through the engine test kit (nested, so Surefire does not run them directly).
 */
final class FidelityFixtures {
  private FidelityFixtures() {}

  static class Pulse {
    /**
     * A waiter that was waiting when set() ran is released, even if clear() follows at once: the
     * schedule where the waiter blocks first, then main sets, clears and joins.
     */
    @InterleaveTest(replay = "1:0.1.1.0.0.0.1.1.0")
    void setThenClear(Scenario s) {
      s.body(Pulse::body);
    }

    static void body(Run run) throws Exception {
      Event e = new Event();
      run.onEnd(e::close);
      Process waiter = new Process(Pulse::await, e);
      waiter.start();
      e.set();
      e.clear();
      waiter.join();
    }

    static void await(Event e) throws InterruptedException {
      e.await();
    }
  }

  static class TerminatedHolder {
    /** A holder terminated inside its critical section: the lock is taken over, not deadlocked. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 2)
    void takenOver(Scenario s) {
      s.body(TerminatedHolder::body);
    }

    static void body(Run run) throws Exception {
      Lock lock = new Lock();
      Event holding = new Event();
      Event never = new Event();
      run.onEnd(lock::close);
      run.onEnd(holding::close);
      run.onEnd(never::close);
      Path mark = run.tempDir().resolve("finally.txt");
      Process holder = new Process(TerminatedHolder::hold, lock, holding, never, mark);
      holder.start();
      holding.await();
      holder.terminate();
      holder.join();
      lock.acquire();
      boolean died = lock.previousOwnerDied();
      lock.release();
      int code = holder.exitCode().orElse(Integer.MIN_VALUE);
      run.finalInvariant("the new holder is told the owner died", () -> died);
      run.finalInvariant("exit code -15", () -> code == -15);
      run.finalInvariant("no finally block ran after terminate()", () -> !Files.exists(mark));
    }

    static void hold(Lock lock, Event holding, Event never, Path mark) throws Exception {
      lock.acquire();
      try {
        holding.set();
        never.await();
      } finally {
        Files.writeString(mark, "ran");
      }
    }
  }

  static class ChildThrows {
    /** A test that expects no finding is failed by an exception in a child process. */
    @InterleaveTest(schedules = 3)
    void childThrows(Scenario s) {
      s.body(run -> {
        Process p = new Process(ChildThrows::boom);
        p.start();
        p.join();
      });
    }

    static void boom() {
      System.out.println("the child is about to throw");
      Interleave.point("about to throw");
      throw new IllegalStateException("boom in the child");
    }
  }

  static class TimeoutRace {
    /** A timed acquire races with the holder's release: both outcomes are explored. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 2)
    void timedAcquire(Scenario s) {
      s.acceptable("acquired", "the release came first")
          .acceptable("timed out", "the timeout came first")
          .body(TimeoutRace::body);
    }

    static void body(Run run) throws Exception {
      Lock lock = new Lock();
      run.onEnd(lock::close);
      lock.acquire();
      Process p = new Process(TimeoutRace::tryTake, lock, run.tempDir().resolve("out.txt"));
      p.start();
      Interleave.point("before release");
      lock.release();
      p.join();
      run.outcome(Files.readString(run.tempDir().resolve("out.txt")));
    }

    static void tryTake(Lock lock, Path out) throws Exception {
      boolean got = lock.acquire(Duration.ofSeconds(1));
      Files.writeString(out, got ? "acquired" : "timed out");
      if (got) {
        lock.release();
      }
    }
  }

  static class SleepRace {
    /** A sleeper's wake-up races with another process's steps. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 1)
    void sleepVersusWork(Scenario s) {
      s.acceptable("sleeper first", "the sleep ended before the worker wrote")
          .acceptable("worker first", "the worker wrote before the sleep ended")
          .body(SleepRace::body);
    }

    static void body(Run run) throws Exception {
      Path out = Files.writeString(run.tempDir().resolve("order.txt"), "");
      Process sleeper = new Process(SleepRace::sleepThenWrite, out);
      Process worker = new Process(SleepRace::write, out, "worker");
      sleeper.start();
      worker.start();
      sleeper.join();
      worker.join();
      String order = Files.readString(out);
      run.outcome(order.startsWith("sleeper") ? "sleeper first" : "worker first");
    }

    static void sleepThenWrite(Path out) throws Exception {
      Interleave.sleep(Duration.ofSeconds(5));
      write(out, "sleeper");
    }

    static void write(Path out, String who) throws Exception {
      Interleave.point("append " + who);
      Files.writeString(out, Files.readString(out) + who + ",");
    }
  }

  static class SlowButAlive {
    /** Under stress, a process that passes a point every 100 ms is alive, not hung. */
    @InterleaveTest(mode = dev.interleave.harness.Mode.STRESS, schedules = 2, seed = 1,
        timeoutMillis = 1000)
    void slow(Scenario s) {
      s.body(run -> {
        Process p = new Process(SlowButAlive::work);
        p.start();
        p.join();
      });
    }

    static void work() throws InterruptedException {
      for (int i = 0; i < 25; i++) {
        Interleave.point("step " + i);
        Thread.sleep(100); // stands for 100 ms of computation between two points
      }
    }
  }

  static class UserThread {
    /** A thread started inside a controlled process that takes a lock is reported, not ignored. */
    @InterleaveTest(schedules = 2)
    void threadTakesALock(Scenario s) {
      s.body(run -> {
        Lock lock = new Lock();
        run.onEnd(lock::close);
        Process p = new Process(UserThread::withAThread, lock);
        p.start();
        p.join();
      });
    }

    static void withAThread(Lock lock) throws InterruptedException {
      Thread t = new Thread(() -> {
        try {
          lock.acquire();
          lock.release();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "helper-thread");
      t.start();
      t.join();
      Interleave.point("after the thread");
    }

    /** A controlled process that starts a process of its own, and joins it. */
    @InterleaveTest(schedules = 2)
    void grandchild(Scenario s) {
      s.body(run -> {
        Process p = new Process(UserThread::startAGrandchild);
        p.start();
        p.join();
        run.finalInvariant("the child ended normally", () -> p.exitCode().orElse(-1) == 0);
      });
    }

    static void startAGrandchild() throws InterruptedException {
      Process g = new Process(UserThread::nothing);
      g.start();
      g.join();
      if (g.exitCode().orElse(-1) != 0) {
        throw new IllegalStateException("the grandchild's exit code: " + g.exitCode());
      }
    }

    /**
     * A daemonic grandchild waiting forever ends when its parent ends, and one whose parent was
     * terminated ends as an orphan: neither is a hang.
     */
    @InterleaveTest(schedules = 3)
    void endsOfGrandchildren(Scenario s) {
      s.body(run -> {
        Event never = new Event();
        run.onEnd(never::close);
        Process daemonParent = new Process(UserThread::startAWaiter, never, true);
        Process terminated = new Process(UserThread::startAWaiter, never, false);
        daemonParent.start();
        terminated.start();
        daemonParent.join();
        terminated.terminate();
        terminated.join();
        run.finalInvariant("the daemon's parent ended normally",
            () -> daemonParent.exitCode().orElse(-1) == 0);
      });
    }

    static void startAWaiter(Event never, boolean daemon) throws InterruptedException {
      Process waiter = new Process(UserThread::waitForever, never);
      waiter.setDaemon(daemon);
      waiter.start();
      Interleave.point("started a waiter");
    }

    static void waitForever(Event never) throws InterruptedException {
      never.await();
    }

    static void nothing() {}
  }

  static class StressFindings {
    /** A child that always throws: found under stress, then reproduced under control. */
    @InterleaveTest(mode = dev.interleave.harness.Mode.STRESS, schedules = 3, seed = 5)
    void reproduced(Scenario s) {
      s.body(run -> {
        Process p = new Process(ChildThrows::boom);
        p.start();
        p.join();
      });
    }

    /** Real time is what stress has and control does not: seen under stress only. */
    @InterleaveTest(mode = dev.interleave.harness.Mode.STRESS, schedules = 3, seed = 5)
    void stressOnly(Scenario s) {
      s.body(run -> {
        long t0 = System.nanoTime();
        Process p = new Process(StressFindings::nap);
        p.start();
        p.join();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        run.finalInvariant("the nap took no real time", () -> millis < 300);
      });
    }

    static void nap() throws InterruptedException {
      Interleave.sleep(Duration.ofSeconds(1));
    }

    /** A state that is wrong for half a second: a sample under stress sees it. */
    @InterleaveTest(mode = dev.interleave.harness.Mode.STRESS, schedules = 3, seed = 5)
    void sampled(Scenario s) {
      s.body(run -> {
        Path bad = run.tempDir().resolve("bad");
        run.invariant("no bad file", () -> !Files.exists(bad));
        Process p = new Process(StressFindings::wrongForAWhile, bad);
        p.start();
        p.join();
      });
    }

    static void wrongForAWhile(Path bad) throws Exception {
      Files.writeString(bad, "wrong");
      Interleave.sleep(Duration.ofMillis(500));
      Files.delete(bad);
    }
  }

  static class ExitedHolder {
    /** A holder that exits normally keeps the lock (as CPython): a real deadlock, said as such. */
    @InterleaveTest(schedules = 2, expect = dev.interleave.harness.Expect.VIOLATION,
        finding = dev.interleave.harness.FindingKind.DEADLOCK)
    void keptByANormalExit(Scenario s) {
      s.body(run -> {
        Lock lock = new Lock();
        run.onEnd(lock::close);
        Process holder = new Process(ExitedHolder::takeAndLeave, lock);
        holder.start();
        holder.join();
        lock.acquire();
      });
    }

    static void takeAndLeave(Lock lock) throws InterruptedException {
      lock.acquire();
    }
  }

  static class RLockCycle {
    /** Two processes take two RLocks in opposite orders while a third keeps running. */
    @InterleaveTest(schedules = 200, seed = 3, shrink = false,
        expect = dev.interleave.harness.Expect.VIOLATION,
        finding = dev.interleave.harness.FindingKind.DEADLOCK)
    void whileAThirdRuns(Scenario s) {
      s.body(run -> {
        dev.interleave.mp.RLock a = new dev.interleave.mp.RLock();
        dev.interleave.mp.RLock b = new dev.interleave.mp.RLock();
        run.onEnd(a::close);
        run.onEnd(b::close);
        Process spinner = new Process(RLockCycle::spin);
        Process one = new Process(RLockCycle::both, a, b);
        Process two = new Process(RLockCycle::both, b, a);
        spinner.start();
        one.start();
        two.start();
        one.join();
        two.join();
        spinner.join();
      });
    }

    static void both(dev.interleave.mp.RLock first, dev.interleave.mp.RLock second)
        throws InterruptedException {
      first.acquire();
      second.acquire();
      second.release();
      first.release();
    }

    static void spin() {
      for (int i = 0; i < 300; i++) {
        Interleave.point("spin " + i);
      }
    }
  }

  static class AcceptConnect {
    /** accept() waits, as a blocked step, until a client process connects. */
    @InterleaveTest(strategy = Strategy.EXHAUSTIVE, schedules = 500, preemptionBound = 1)
    void acceptWaitsForTheClient(Scenario s) {
      s.acceptable("hello", "the client's message").body(run -> {
        byte[] key = "conformance-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (dev.interleave.mp.Listener listener = new dev.interleave.mp.Listener(null, key)) {
          Process client = new Process(AcceptConnect::talk, listener.address(), key);
          client.start();
          try (dev.interleave.mp.Connection c = listener.accept()) {
            String got = c.recv();
            run.outcome(got);
          }
          client.join();
        }
      });
    }

    static void talk(Path address, byte[] key) throws Exception {
      try (dev.interleave.mp.Connection c = dev.interleave.mp.Client.connect(address, key)) {
        Interleave.point("connected"); // the server may wait in recv before the send
        c.send("hello");
      }
    }
  }
}
