package dev.interleave.internal.harness;

import dev.interleave.internal.harness.Event.FromMain;
import dev.interleave.internal.harness.Event.FromWorker;
import dev.interleave.internal.harness.Event.Killed;
import dev.interleave.internal.harness.Event.MainEnded;
import dev.interleave.internal.harness.Event.Spawned;
import dev.interleave.internal.harness.Proc.Status;
import dev.interleave.internal.schedule.Scheduler;
import dev.interleave.internal.wire.Message;
import dev.interleave.internal.wire.Message.Abort;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.Dump;
import dev.interleave.internal.wire.Message.Exited;
import dev.interleave.internal.wire.Message.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Conducts one schedule: the only owner of its state, on one thread, so that every decision
 * sees a consistent snapshot. Exactly one process runs at a time in controlled mode; the
 * conductor waits for it to reach its next point (or exit), checks the state invariants, and
 * asks the {@link Stepper} who goes next. In stress mode it only tracks exits.
 *
 * <p>Events arrive through one queue: main's points and end, spawns, and worker messages (read
 * by per-worker threads). A process started by main is not considered for a decision until its
 * worker reports that it stands at its first point, so decisions never depend on JVM timing.
 */
final class Conductor {
  private static final long DRAIN_MILLIS = 5000;
  private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  final ScheduleSpec spec;
  final List<Proc> procs = new ArrayList<>();
  final Stepper stepper;
  private int arriving;
  Problem problem;
  private boolean mainEnded;

  Conductor(ScheduleSpec spec, Scheduler scheduler) {
    this.spec = spec;
    this.stepper = new Stepper(this, scheduler);
    procs.add(new Proc(0, "main", null, null, Status.RUNNING));
    stepper.running = 0;
  }

  void post(Event e) {
    queue.add(e);
  }

  /** Routes a worker's messages here. */
  void listen(Worker w) {
    w.route((worker, m) -> queue.add(new FromWorker(worker, m)));
  }

  /** Runs the schedule to its end; returns its trace and problem (null if none). */
  ScheduleResult run() {
    try {
      loop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = Problem.exception("main", "the harness was interrupted", null);
    } catch (RuntimeException | Error e) {
      problem = Problem.exception("controller", "the harness failed: " + e, Stacks.text(e));
    }
    if (problem == null && spec.controlled()) {
      stepper.finish();
    }
    if (problem != null) {
      abortAll();
    } else {
      drainWorkers();
    }
    return new ScheduleResult(stepper.trace(), problem);
  }

  private void loop() throws InterruptedException {
    while (problem == null && !finished()) {
      Event e = queue.poll(spec.hangTimeout().toNanos(), TimeUnit.NANOSECONDS);
      if (e == null) {
        onSilence();
        continue;
      }
      handle(e);
      if (problem == null && spec.controlled() && stepper.running < 0 && arriving == 0
          && !finished()) {
        stepper.decide();
      }
    }
  }

  private boolean finished() {
    if (!mainEnded || arriving > 0) {
      return false;
    }
    for (Proc p : procs) {
      if (p.alive()) {
        return false;
      }
    }
    return true;
  }

  private void handle(Event e) {
    if (e instanceof FromMain m) {
      onArrive(procs.get(0), m.arrive());
    } else if (e instanceof FromWorker w) {
      onWorker(w.worker(), w.message());
    } else if (e instanceof Spawned s) {
      Proc p = new Proc(s.id(), s.name(), s.worker(), s.handle(),
          spec.controlled() ? Status.ARRIVING : Status.RUNNING);
      procs.add(p);
      arriving += spec.controlled() ? 1 : 0;
    } else if (e instanceof MainEnded m) {
      onMainEnded(m.failure());
    } else if (e instanceof Killed k) {
      onKilled(procs.get(k.id()));
    }
  }

  private void onMainEnded(Throwable failure) {
    mainEnded = true;
    Proc main = procs.get(0);
    if (failure != null && !(failure instanceof ScheduleAbort) && problem == null) {
      problem = Problem.exception("main", "the scenario body threw " + failure, Stacks.text(failure));
    }
    exit(main, failure == null ? 0 : 1);
  }

  private void onWorker(Worker w, Message m) {
    Proc p = byWorker(w);
    if (p == null) {
      return; // a late message of an earlier schedule
    }
    if (m == null) {
      if (p.alive()) {
        problem = Problem.exception(p.name, "the worker JVM running " + p.name + " died", null);
        exit(p, 1);
      }
    } else if (m instanceof Arrive a && a.epoch() == spec.epoch() && p.alive()) {
      onArrive(p, a);
    } else if (m instanceof Exited x && x.epoch() == spec.epoch()) {
      p.worker.route((x1, x2) -> {});
      if (p.alive()) {
        exit(p, x.code());
      }
      p.pending = null;
    }
  }

  private Proc byWorker(Worker w) {
    for (int i = procs.size() - 1; i > 0; i--) {
      if (procs.get(i).worker == w) {
        return procs.get(i);
      }
    }
    return null;
  }

  private void onArrive(Proc p, Arrive a) {
    if (p.status == Status.ARRIVING) {
      arriving--;
      p.status = Status.READY;
      p.pending = a;
      return;
    }
    stepper.completed(p, a.kind() != Kind.BLOCKED);
    p.pending = a;
    switch (a.kind()) {
      case BLOCKED -> p.status = Status.BLOCKED;
      case SLEEP -> {
        p.status = Status.SLEEPING;
        p.wakeAt = stepper.now + a.nanos();
      }
      default -> p.status = Status.READY;
    }
  }

  private void exit(Proc p, int code) {
    if (p.status == Status.RUNNING || p.id == 0) {
      stepper.completed(p, true);
    }
    if (p.status == Status.ARRIVING) {
      arriving--;
    }
    p.status = Status.EXITED;
    p.exitCode = code;
    if (p.handle != null) {
      p.handle.exited(code);
    }
    stepper.wake("process:" + p.name);
  }

  private void onKilled(Proc p) {
    if (p.alive()) {
      p.worker.send(new Abort(spec.epoch()));
      exit(p, -15);
    }
  }

  /** Nothing happened for the hang timeout: whoever should move is hung. */
  private void onSilence() throws InterruptedException {
    Proc stuck = null;
    for (Proc p : procs) {
      if (p.status == Status.ARRIVING || (p.status == Status.RUNNING && spec.controlled())) {
        stuck = p;
      }
    }
    if (stuck == null && spec.controlled()) {
      return;
    }
    if (stuck == null) {
      stuck = procs.stream().filter(Proc::alive).findFirst().orElse(procs.get(0));
    }
    String dump = stuck.worker == null ? ThreadDumps.ofThisJvm() : requestDump(stuck.worker);
    problem = new Problem(Problem.Kind.HANG, null, stuck.name + " did not reach its next"
        + " scheduling point within " + spec.hangTimeout().toMillis() + " ms"
        + (stuck.pending == null ? "" : " (last point: " + stuck.pending.op()
            + (stuck.pending.label() == null ? "" : " '" + stuck.pending.label() + "'") + ")"),
        List.of(), dump, null, stuck.name);
    if (stuck.worker != null) {
      stuck.worker.kill();
    }
  }

  private String requestDump(Worker w) throws InterruptedException {
    if (!w.send(new Message.DumpRequest())) {
      return "(the worker JVM is gone)";
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
    while (System.nanoTime() < deadline) {
      Event e = queue.poll(100, TimeUnit.MILLISECONDS);
      if (e instanceof FromWorker f && f.worker() == w && f.message() instanceof Dump d) {
        return d.text();
      }
    }
    return "(no thread dump within " + DRAIN_MILLIS + " ms)";
  }

  /** Stops every live process and waits until each worker has reported its task's end. */
  private void abortAll() {
    for (Proc p : procs) {
      if (p.alive() && p.id == 0) {
        spec.main().mailbox().abort();
      } else if (p.worker != null && p.pending != null) {
        p.worker.send(new Abort(spec.epoch()));
      }
    }
    drainWorkers();
  }

  private void drainWorkers() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
    try {
      while (busyWorker() != null && System.nanoTime() < deadline) {
        Event e = queue.poll(50, TimeUnit.MILLISECONDS);
        if (e instanceof FromWorker f && byWorker(f.worker()) != null) {
          Proc p = byWorker(f.worker());
          if (f.message() == null || f.message() instanceof Exited x && x.epoch() == spec.epoch()) {
            p.pending = null;
            p.status = Status.EXITED;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Proc p = busyWorker(); p != null; p = busyWorker()) {
      p.worker.kill();
      p.pending = null;
    }
  }

  /** A process whose worker has not reported the end of its task. */
  private Proc busyWorker() {
    for (Proc p : procs) {
      if (p.worker != null && p.pending != null && p.worker.usable()) {
        return p;
      }
    }
    return null;
  }
}
