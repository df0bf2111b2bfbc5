package dev.interleave.internal.harness;

import dev.interleave.internal.harness.Proc.Status;
import dev.interleave.internal.schedule.Candidate;
import dev.interleave.internal.schedule.DivergenceException;
import dev.interleave.internal.schedule.Scheduler;
import dev.interleave.internal.schedule.StepView;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.Go;
import java.util.ArrayList;
import java.util.List;

/**
 * The controlled-mode half of the {@link Conductor}: the runnable set, virtual time, wake-ups
 * of blocked processes, state invariants, and the step record. Runs on the conductor thread.
 *
 * <p>A blocked process becomes runnable again (to retry) when another process completes an
 * operation on the object it waits for; a sleeping one when virtual time reaches its wake-up.
 * Virtual time only moves when nothing can run: it jumps to the earliest wake-up or timeout.
 */
final class Stepper {
  private final Conductor conductor;
  private final Scheduler scheduler;
  private final List<Step> steps = new ArrayList<>();
  int running = -1;
  private int lastRan = -1;
  long now;
  private int violationStep = -1;
  /** Who holds what, learned from completed ACQUIRE and RELEASE operations. */
  final java.util.Map<String, java.util.Set<String>> holders = new java.util.HashMap<>();

  Stepper(Conductor conductor, Scheduler scheduler) {
    this.conductor = conductor;
    this.scheduler = scheduler;
  }

  Trace trace() {
    List<String> names = new ArrayList<>();
    for (Proc p : conductor.procs) {
      names.add(p.name);
    }
    return new Trace(names, steps, violationStep);
  }

  /** The running process {@code p} reached its next point or ended. */
  void completed(Proc p, boolean changedState) {
    if (running != p.id) {
      return;
    }
    running = -1;
    lastRan = p.id;
    Arrive done = p.pending;
    if (changedState && done != null && done.object() != null) {
      track(p, done);
      wake(done.object());
    }
    checkInvariants();
  }

  private void track(Proc p, Arrive done) {
    if ("ACQUIRE".equals(done.op())) {
      holders.computeIfAbsent(done.object(), k -> new java.util.TreeSet<>()).add(p.name);
    } else if ("RELEASE".equals(done.op())) {
      java.util.Set<String> h = holders.get(done.object());
      if (h != null) {
        h.remove(p.name);
      }
    }
  }

  void wake(String object) {
    for (Proc q : conductor.procs) {
      if (q.blockedOn(object)) {
        q.status = Status.READY;
      }
    }
  }

  private void checkInvariants() {
    if (conductor.problem != null) {
      return;
    }
    String failed = conductor.spec.run().checkState();
    if (failed != null) {
      violationStep = steps.size() - 1;
      conductor.problem = Problem.invariant(failed, "invariant '" + failed
          + "' was violated after step " + Math.max(0, steps.size() - 1));
    }
  }

  /** Picks and releases the next process, or records a deadlock or divergence. */
  void decide() {
    List<Proc> runnable = runnable();
    if (runnable.isEmpty() && advanceTime()) {
      runnable = runnable();
    }
    if (runnable.isEmpty()) {
      conductor.problem = Deadlocks.of(conductor.procs, holders);
      return;
    }
    if (steps.size() >= conductor.spec.maxSteps()) {
      conductor.problem = new Problem(Problem.Kind.HANG, null, "the schedule took more than "
          + conductor.spec.maxSteps() + " steps (a livelock?)", List.of(), null, null, null);
      return;
    }
    List<Candidate> candidates = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (Proc p : runnable) {
      candidates.add(new Candidate(p.id, p.pending.op(), p.pending.object(), p.pending.label()));
      ids.add(p.id);
    }
    int current = ids.contains(lastRan) ? lastRan : -1;
    int pick;
    try {
      pick = scheduler.pick(new StepView(steps.size(), current, candidates));
    } catch (DivergenceException e) {
      conductor.problem = Problem.divergence(e.getMessage());
      return;
    }
    release(conductor.procs.get(pick), current, ids);
  }

  private void release(Proc p, int current, List<Integer> ids) {
    Arrive a = p.pending;
    steps.add(new Step(steps.size(), p.id, a.op(), a.object(), a.label(), a.site(),
        current >= 0 && p.id != current, ids));
    p.status = Status.RUNNING;
    running = p.id;
    Go go = new Go(conductor.spec.epoch(), now, p.timedOut);
    p.timedOut = false;
    if (p.worker == null) {
      conductor.spec.main().mailbox().deliver(go);
    } else if (!p.worker.send(go)) {
      conductor.problem = Problem.exception(p.name, "the worker JVM running " + p.name
          + " is gone", null);
    }
  }

  private List<Proc> runnable() {
    List<Proc> out = new ArrayList<>();
    for (Proc p : conductor.procs) {
      if (p.status == Status.READY || (p.status == Status.SLEEPING && p.wakeAt <= now)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Jumps virtual time to the next wake-up or timeout; false if there is none. */
  private boolean advanceTime() {
    long next = Long.MAX_VALUE;
    for (Proc p : conductor.procs) {
      if (p.status == Status.SLEEPING) {
        next = Math.min(next, p.wakeAt);
      } else if (p.deadline() >= 0) {
        next = Math.min(next, p.deadline());
      }
    }
    if (next == Long.MAX_VALUE) {
      return false;
    }
    now = Math.max(now, next);
    for (Proc p : conductor.procs) {
      if (p.status == Status.BLOCKED && p.deadline() >= 0 && p.deadline() <= now) {
        p.status = Status.READY;
        p.timedOut = true;
      }
    }
    return true;
  }

  /** Lets a replaying scheduler check that the record was used up. */
  void finish() {
    try {
      scheduler.finish(steps.size());
    } catch (DivergenceException e) {
      conductor.problem = Problem.divergence(e.getMessage());
    }
  }
}
