package dev.interleave.internal.harness;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Gen;
import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Run;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;
import dev.interleave.mp.Process;
import dev.interleave.mp.Semaphore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fixture tests of generated inputs, shrinking, trace invariants and exploration that keeps
 * counting, run by {@link PropertyTest} through the engine test kit; nested, so that Surefire
 * does not run them directly.
 */
final class PropertyFixtures {
  private PropertyFixtures() {}

  /** A process writes a generated list; the list must not hold a 7 before a 3. */
  static class GeneratedList {
    @InterleaveTest(schedules = 100, seed = 5, expect = Expect.VIOLATION,
        invariant = "no 7 before a 3")
    void sevenBeforeThree(Scenario s) {
      s.body(run -> {
        List<Integer> items = run.draw("items", Gen.lists(Gen.ints(0, 9), 0, 12));
        Path file = run.tempDir().resolve("items.txt");
        Process p = new Process(PropertyFixtures::write, file, items.toString());
        p.start();
        p.join();
        run.finalInvariant("no 7 before a 3", () -> read(file),
            text -> !text.matches(".*\\b7\\b.*\\b3\\b.*"));
      });
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
  }

  /** Ten processes increment a file counter without a lock; each logs its increment. */
  static class TenProcesses {
    @InterleaveTest(strategy = Strategy.PCT, pctDepth = 2, schedules = 50, seed = 3)
    void counted(Scenario s) {
      s.body(run -> {
        Path counter = Files.writeString(run.tempDir().resolve("counter.txt"), "0");
        Path log = Files.createDirectory(run.tempDir().resolve("done"));
        Fixtures.startAndJoin(10, i -> new Process(PropertyFixtures::increment, counter, log));
        run.finalInvariant("counter == increments", () -> Counters.read(counter) - count(log),
            lost -> lost == 0);
      });
    }

    /**
     * Three processes judged against the fixed count: removing one breaks the program in any
     * order, so none is removed.
     */
    @InterleaveTest(strategy = Strategy.PCT, pctDepth = 2, schedules = 50, seed = 3)
    void fixed(Scenario s) {
      s.body(run -> {
        Path counter = Files.writeString(run.tempDir().resolve("counter.txt"), "0");
        Path log = Files.createDirectory(run.tempDir().resolve("done"));
        Fixtures.startAndJoin(3, i -> new Process(PropertyFixtures::increment, counter, log));
        run.finalInvariant("counter == 3", () -> Counters.read(counter), v -> v == 3);
      });
    }
  }

  /** A generated program: each process runs its list of reads and unlocked increments. */
  static class Program {
    @InterleaveTest(schedules = 100, seed = 4, expect = Expect.VIOLATION,
        invariant = "counter == increments")
    void program(Scenario s) {
      s.body(run -> {
        List<List<String>> program = run.draw("program",
            Gen.programs(Gen.oneOf("read", "inc"), 1, 4, 3));
        Path counter = Files.writeString(run.tempDir().resolve("counter.txt"), "0");
        Path log = Files.createDirectory(run.tempDir().resolve("done"));
        Fixtures.startAndJoin(program.size(), i -> new Process(PropertyFixtures::perform,
            counter, log, String.join(",", program.get(i))));
        run.finalInvariant("counter == increments", () -> Counters.read(counter) - count(log),
            lost -> lost == 0);
      });
    }
  }

  static void perform(Path counter, Path log, String ops) throws IOException {
    int i = 0;
    for (String op : ops.split(",")) {
      if (op.equals("inc")) {
        incrementAs(counter, log, Process.currentProcess().name() + "-" + i++);
      } else {
        Interleave.point("read counter");
        Counters.read(counter);
      }
    }
  }

  static void increment(Path counter, Path log) throws IOException {
    incrementAs(counter, log, Process.currentProcess().name());
  }

  /** Increments without a lock, then logs the increment as {@code entry}. */
  static void incrementAs(Path counter, Path log, String entry) throws IOException {
    Interleave.point("read counter");
    int n = Counters.read(counter);
    Interleave.point("write counter");
    Files.writeString(counter, Integer.toString(n + 1));
    Files.createFile(log.resolve(entry));
  }

  static int count(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return (int) files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A semaphore meant to admit three processes, made with four permits by mistake. */
  static class FourthHolder {
    @InterleaveTest(schedules = 100, seed = 2, shrink = false)
    void semaphore(Scenario s) {
      s.body(run -> {
        Semaphore sem = new Semaphore(4);
        run.onEnd(sem::close);
        run.traceInvariant("at most 3 hold semaphore#1",
            h -> h.inside("semaphore#1") <= 3);
        Fixtures.startAndJoin(5, i -> new Process(PropertyFixtures::hold, sem));
      });
    }
  }

  static void hold(Semaphore sem) throws InterruptedException {
    sem.acquire();
    try {
      Interleave.point("work");
    } finally {
      sem.release();
    }
  }

  /** Two processes decrement a counter of 2; an outcome of 1 is a lost update. */
  static class KeepCounting {
    @InterleaveTest(schedules = 40, seed = 9, stopAtFirst = false, expect = Expect.VIOLATION,
        invariant = "outcome 1")
    void histogram(Scenario s) {
      s.body(PropertyFixtures::lostUpdate).acceptable("0", "both decrements counted")
          .forbidden("1", "a decrement was lost")
          .verify(r -> org.assertj.core.api.Assertions.assertThat((long) r.failingSchedules())
              .isEqualTo(r.outcomes().get("1")).isGreaterThan(1L));
    }

    @InterleaveTest(schedules = 25, seed = 9, expect = Expect.VIOLATION,
        invariant = "outcome 1")
    void overridden(Scenario s) {
      s.body(PropertyFixtures::lostUpdate).acceptable("0", "both decrements counted")
          .forbidden("1", "a decrement was lost");
    }
  }

  static void lostUpdate(Run run) throws Exception {
    Path file = Files.writeString(run.tempDir().resolve("num.txt"), "2");
    Fixtures.startAndJoin(2, i -> new Process(Counters::decrement, file));
    run.outcome(Counters.read(file));
  }
}
