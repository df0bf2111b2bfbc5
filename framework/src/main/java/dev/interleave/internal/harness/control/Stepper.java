package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.control.Proc.Status;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.model.Step;
import dev.interleave.internal.harness.model.Trace;
import dev.interleave.internal.schedule.Candidate;
import dev.interleave.internal.schedule.DivergenceException;
import dev.interleave.internal.schedule.RedundantScheduleException;
import dev.interleave.internal.schedule.Scheduler;
import dev.interleave.internal.schedule.StepView;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.Go;
import dev.interleave.report.FindingKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The controlled-mode half of the {@link Controller}: the runnable set, virtual time, wake-ups
 * of blocked processes, state invariants, and the step record. Runs under the controller's
 * monitor.
 *
 * <p>A blocked process becomes runnable again (to retry its operation, which decides by the
 * primitive's own state whether it succeeds) when another process completes an operation on the
 * object it waits for, or when a process ends. A sleeping process, and a process in a timed
 * wait, is offered to the scheduler as a pending timer at every step: firing it moves virtual
 * time to the timer's instant, so sleeps and timeouts race with progress as on a real machine,
 * and cost no real time.
 */
final class Stepper {
  private final Controller controller;
  private final Scheduler scheduler;
  private final List<Step> steps = new ArrayList<>();
  int running = -1;
  private int lastRan = -1;
  long now;
  private int violationStep = -1;
  /** How many processes crash injection killed in this schedule. */
  private int kills;
  /** The steps whose operation could not proceed (the process then waited). */
  private final java.util.BitSet blocked = new java.util.BitSet();
  /** Who holds what, learned from completed ACQUIRE and RELEASE operations. */
  final java.util.Map<String, java.util.Set<String>> holders = new java.util.HashMap<>();

  Stepper(Controller controller, Scheduler scheduler) {
    this.controller = controller;
    this.scheduler = scheduler;
  }

  Trace trace() {
    List<String> names = new ArrayList<>();
    for (Proc p : controller.procs) {
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
    if (!changedState && !steps.isEmpty()) {
      blocked.set(steps.size() - 1);
    }
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

  /** Every blocked process retries its operation (a process ended: what it held may be free). */
  void wakeAll() {
    for (Proc q : controller.procs) {
      if (q.status == Status.BLOCKED) {
        q.status = Status.READY;
      }
    }
  }

  void wake(String object) {
    for (Proc q : controller.procs) {
      if (q.blockedOn(object)) {
        q.status = Status.READY;
      }
    }
  }

  private void checkInvariants() {
    if (controller.problem != null) {
      return;
    }
    controller.spec.run().historyFrom(() -> Histories.of(trace(), blocked));
    String failed = controller.spec.run().checkState();
    if (failed != null) {
      violationStep = steps.size() - 1;
      controller.problem = Problem.invariant(failed, "invariant '" + failed
          + "' was violated after step " + Math.max(0, steps.size() - 1)
          + controller.spec.run().observed(), controller.spec.run().observedValue());
    }
  }

  /** Picks and releases the next process, or records a deadlock or divergence. */
  void decide() {
    List<Proc> candidates = candidates();
    if (candidates.isEmpty()) {
      controller.problem = Deadlocks.of(controller.procs, holders);
      return;
    }
    if (steps.size() >= controller.spec.maxSteps()) {
      controller.problem = new Problem(FindingKind.HANG, null, "the schedule took more than "
          + controller.spec.maxSteps() + " steps (a livelock?)", List.of(), null, null, null);
      return;
    }
    List<Candidate> offered = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (Proc p : candidates) {
      offered.add(new Candidate(p.id, p.pending.op(), p.pending.object(), p.pending.label(),
          waitsForTimer(p), isRead(p.pending.op())));
      ids.add(p.id);
    }
    offerKills(candidates, offered);
    Proc last = lastRan >= 0 ? controller.procs.get(lastRan) : null;
    int current = last != null && last.status == Status.READY && ids.contains(lastRan)
        ? lastRan : -1;
    int pick;
    try {
      pick = scheduler.pick(new StepView(steps.size(), current, offered));
    } catch (DivergenceException e) {
      controller.problem = Problem.divergence(e.getMessage());
      return;
    } catch (RedundantScheduleException e) {
      controller.abandon(e.getMessage());
      return;
    }
    if (pick >= Candidate.KILL_BASE) {
      inject(controller.procs.get(pick - Candidate.KILL_BASE), ids);
      return;
    }
    Proc p = controller.procs.get(pick);
    boolean timer = waitsForTimer(p);
    if (timer) {
      fire(p);
    }
    release(p, current, ids, timer);
  }

  /**
   * Crash injection: while the schedule's crash budget lasts, each ready process other than
   * main (and among those the scenario declared killable, if it declared any) may be killed at
   * its pending point instead of run.
   */
  private void offerKills(List<Proc> candidates, List<Candidate> offered) {
    if (kills >= controller.spec.crashes()) {
      return;
    }
    for (Proc p : candidates) {
      if (p.id != 0 && p.status == Status.READY && p.worker != null
          && (controller.spec.killable().isEmpty()
              || controller.spec.killable().contains(p.name))) {
        offered.add(Candidate.kill(p.id, held(p.name)));
      }
    }
  }

  /** What process {@code name} holds, as "lock#1, lock#2", or null if nothing. */
  private String held(String name) {
    List<String> inside = new ArrayList<>();
    for (java.util.Map.Entry<String, java.util.Set<String>> e : holders.entrySet()) {
      if (e.getValue().contains(name)) {
        inside.add(e.getKey());
      }
    }
    java.util.Collections.sort(inside);
    return inside.isEmpty() ? null : String.join(", ", inside);
  }

  /**
   * Kills {@code p} (kill -9 of its worker JVM) as a step of its own, which counts as a
   * preemption so that shrinking drops it when the failure does not need it; then the next
   * process is picked.
   */
  private void inject(Proc p, List<Integer> ids) {
    kills++;
    steps.add(new Step(steps.size(), p.id, Step.KILL, held(p.name), null, null, true, ids,
        false));
    for (java.util.Set<String> h : holders.values()) {
      h.remove(p.name);
    }
    lastRan = -1;
    controller.onKilled(p, true);
    checkInvariants();
    if (controller.problem == null && !controller.finished()) {
      decide();
    }
  }

  /**
   * The processes that may be picked: those ready to run, and those whose timer (a sleep's end,
   * a wait's timeout) is the earliest pending, since time is a scheduling choice: the earliest
   * timer may fire at any step, before processes that are ready, as on a loaded machine; timers
   * fire in the order of their instants, and a process whose timer fired runs at once. One
   * fairness rule keeps a
   * polling loop from starving the others: a process's timer is offered at most {@value
   * #TIMER_STREAK} times in a row while no other process takes a step, unless nothing else can
   * run.
   */
  private List<Proc> candidates() {
    List<Proc> ready = new ArrayList<>();
    List<Proc> timers = new ArrayList<>();
    for (Proc p : controller.procs) {
      if (p.status == Status.READY) {
        ready.add(p);
      } else if (p.timerAt() >= 0) {
        timers.add(p);
      }
    }
    long earliest = Long.MAX_VALUE;
    for (Proc p : timers) {
      earliest = Math.min(earliest, p.timerAt());
    }
    List<Proc> out = new ArrayList<>(ready);
    for (Proc p : timers) {
      if (p.timerAt() == earliest && (ready.isEmpty() || p.timerStreak < TIMER_STREAK)) {
        out.add(p);
      }
    }
    out.sort(java.util.Comparator.comparingInt(p -> p.id));
    return out;
  }

  /** Whether an operation only observes its object (two reads never race). */
  private static boolean isRead(String op) {
    return "QUERY".equals(op) || "READ".equals(op);
  }

  /** How many times in a row one process's timer may fire while others could run. */
  static final int TIMER_STREAK = 2;

  private static boolean waitsForTimer(Proc p) {
    return p.status != Status.READY && p.timerAt() >= 0;
  }

  /**
   * Fires {@code p}'s timer: virtual time moves to it (never back), and every timer due by then
   * has fired too: those processes become ready (they run when picked).
   */
  private void fire(Proc p) {
    now = Math.max(now, p.timerAt());
    for (Proc q : controller.procs) {
      if (q.status == Status.SLEEPING && q.wakeAt <= now) {
        q.status = Status.READY;
      } else if (q.status == Status.BLOCKED && q.deadline() >= 0 && q.deadline() <= now) {
        q.status = Status.READY;
        q.timedOut = true;
      }
    }
  }

  private void release(Proc p, int current, List<Integer> ids, boolean timer) {
    Arrive a = p.pending;
    steps.add(new Step(steps.size(), p.id, a.op(), a.object(), a.label(), a.site(),
        current >= 0 && p.id != current, ids, timer));
    for (Proc q : controller.procs) {
      if (q != p) {
        q.timerStreak = 0;
      }
    }
    p.timerStreak = timer ? p.timerStreak + 1 : p.timerStreak;
    p.status = Status.RUNNING;
    running = p.id;
    Go go = new Go(controller.spec.epoch(), now, p.timedOut);
    p.timedOut = false;
    if (p.worker == null) {
      controller.spec.main().mailbox().deliver(go);
    } else if (!p.worker.send(go)) {
      controller.problem = Problem.exception(p.name, "the worker JVM running " + p.name
          + " is gone", null);
    }
  }

  /** Lets a replaying scheduler check that the record was used up. */
  void finish() {
    try {
      scheduler.finish(steps.size());
    } catch (DivergenceException e) {
      controller.problem = Problem.divergence(e.getMessage());
    }
  }
}
