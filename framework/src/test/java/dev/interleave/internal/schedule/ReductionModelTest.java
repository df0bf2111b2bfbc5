package dev.interleave.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The exhaustive search's reduction against a model of small programs, without JVMs: processes
 * that read and write shared values and take a lock, run step by step as the controller runs
 * them (a failed acquire is a step; the process then waits until a release). Every program is
 * explored with and without the reduction; the reduced search must reach every final state the
 * full one reaches (the values, what each process read, and deadlocks), in no more schedules.
 * The writes fold the writer and its position into the value, so different orders of
 * conflicting steps leave different states.
 */
class ReductionModelTest {
  private static final int PROGRAMS = 400;

  /** One operation of the model: a candidate's op and object. */
  private record Op(String op, String object) {
    boolean read() {
      return op.equals("READ");
    }
  }

  /** Runs one schedule of {@code program} under {@code s}; returns its final state. */
  private static String run(List<List<Op>> program, Scheduler s) {
    int n = program.size();
    int[] pc = new int[n];
    boolean[] blocked = new boolean[n];
    long[] values = new long[3];
    int holder = -1;
    List<List<Long>> reads = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      reads.add(new ArrayList<>());
    }
    int last = -1;
    for (int step = 0; ; step++) {
      List<Candidate> runnable = new ArrayList<>();
      boolean unfinished = false;
      for (int p = 0; p < n; p++) {
        if (pc[p] < program.get(p).size()) {
          unfinished = true;
          if (!blocked[p]) {
            Op o = program.get(p).get(pc[p]);
            runnable.add(new Candidate(p, o.op(), o.object(), pc[p] == 0 ? "begin" : null, false,
                o.read()));
          }
        }
      }
      if (runnable.isEmpty()) {
        s.finish(step);
        return Arrays.toString(values) + reads + (unfinished ? " deadlock" : "");
      }
      int current = last >= 0 && pc[last] < program.get(last).size() && !blocked[last] ? last
          : -1;
      int p = s.pick(new StepView(step, current, runnable));
      last = p;
      Op o = program.get(p).get(pc[p]);
      switch (o.op()) {
        case "ACQUIRE" -> {
          if (holder >= 0) {
            blocked[p] = true; // the attempt is a step; the process waits for a release
            continue;
          }
          holder = p;
        }
        case "RELEASE" -> {
          holder = -1;
          Arrays.fill(blocked, false);
        }
        case "READ" -> reads.get(p).add(values[index(o)]);
        case "WRITE" -> values[index(o)] = values[index(o)] * 31 + p * 10 + pc[p] + 1;
        default -> { } // a process's first step touches nothing
      }
      pc[p]++;
    }
  }

  private static int index(Op o) {
    return o.object().charAt(o.object().length() - 1) - '1';
  }

  /** A program of two or three processes, each a begin step then up to {@code most} operations. */
  private static List<List<Op>> program(SplittableRandom r, int most) {
    List<List<Op>> procs = new ArrayList<>();
    int n = 2 + r.nextInt(2);
    for (int p = 0; p < n; p++) {
      List<Op> ops = new ArrayList<>();
      ops.add(new Op("START", null));
      int len = 1 + r.nextInt(most);
      boolean locked = r.nextInt(3) == 0;
      if (locked) {
        ops.add(new Op("ACQUIRE", "lock#1"));
      }
      for (int i = 0; i < len; i++) {
        ops.add(new Op(r.nextBoolean() ? "READ" : "WRITE", "value#" + (1 + r.nextInt(3))));
      }
      if (locked) {
        ops.add(new Op("RELEASE", "lock#1"));
      }
      procs.add(ops);
    }
    return procs;
  }

  private record Explored(Set<String> finals, int schedules) {}

  private static Explored explore(List<List<Op>> program, int bound, boolean reduce) {
    ExhaustiveSearch search = new ExhaustiveSearch(bound, reduce);
    Set<String> finals = new TreeSet<>();
    int schedules = 0;
    for (Scheduler s = search.next(); s != null; s = search.next()) {
      try {
        finals.add(run(program, s));
        schedules++;
      } catch (RedundantScheduleException e) {
        assertThat(search.redundant()).isTrue();
      }
    }
    assertThat(search.exhausted()).isTrue();
    return new Explored(finals, schedules);
  }

  @Test
  void withoutABoundTheReductionReachesEveryFinalStateInFewerSchedules() {
    SplittableRandom seeds = new SplittableRandom(20261130);
    int fewer = 0;
    for (int i = 0; i < PROGRAMS; i++) {
      long seed = seeds.nextLong();
      List<List<Op>> program = program(new SplittableRandom(seed), 3);
      Explored full = explore(program, Integer.MAX_VALUE, false);
      Explored reduced = explore(program, Integer.MAX_VALUE, true);
      assertThat(reduced.finals()).as("program %s (seed %d)", program, seed)
          .isEqualTo(full.finals());
      assertThat(reduced.schedules()).isLessThanOrEqualTo(full.schedules());
      fewer += reduced.schedules() < full.schedules() ? 1 : 0;
    }
    assertThat(fewer).as("programs explored in fewer schedules").isGreaterThan(PROGRAMS / 2);
  }

  @Test
  void withinABoundTheReductionReachesEveryFinalStateTheBoundedSearchReaches() {
    SplittableRandom seeds = new SplittableRandom(7);
    for (int bound = 0; bound <= 2; bound++) {
      for (int i = 0; i < PROGRAMS; i++) {
        long seed = seeds.nextLong();
        List<List<Op>> program = program(new SplittableRandom(seed), 4);
        Explored full = explore(program, bound, false);
        Explored reduced = explore(program, bound, true);
        assertThat(reduced.finals()).as("bound %d, program %s (seed %d)", bound, program, seed)
            .containsAll(full.finals());
      }
    }
  }

  @Test
  void aReductionTurnedOffAfterItPrunedNoLongerClaimsExhaustion() {
    List<List<Op>> program = List.of(
        List.of(new Op("START", null), new Op("WRITE", "value#1")),
        List.of(new Op("START", null), new Op("WRITE", "value#1")));
    ExhaustiveSearch search = new ExhaustiveSearch(Integer.MAX_VALUE, true);
    run(program, search.next());
    search.reduce(false); // learned after the first schedule: nothing pruned yet
    for (Scheduler s = search.next(); s != null; s = search.next()) {
      run(program, s);
    }
    assertThat(search.exhausted()).isTrue();

    ExhaustiveSearch late = new ExhaustiveSearch(Integer.MAX_VALUE, true);
    run(program, late.next());
    run(program, late.next());
    late.reduce(false); // after the search pruned by races
    for (Scheduler s = late.next(); s != null; s = late.next()) {
      run(program, s);
    }
    assertThat(late.exhausted()).isFalse();
  }
}
