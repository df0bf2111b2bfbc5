package dev.interleave.internal.harness.control;

import dev.interleave.internal.harness.control.Event.FromMain;
import dev.interleave.internal.harness.control.Event.FromWorker;
import dev.interleave.internal.harness.control.Event.Killed;
import dev.interleave.internal.harness.control.Event.MainEnded;
import dev.interleave.internal.harness.control.Event.Spawned;
import dev.interleave.internal.harness.control.Proc.Status;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.worker.ScheduleAbort;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.schedule.Scheduler;
import dev.interleave.report.FindingKind;
import dev.interleave.report.ProcessOutput;
import dev.interleave.internal.wire.Message;
import dev.interleave.internal.wire.Message.Abort;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.ChildState;
import dev.interleave.internal.wire.Message.Exited;
import dev.interleave.internal.wire.Message.Kind;
import dev.interleave.internal.wire.Message.Signal;
import dev.interleave.internal.wire.Message.Spawn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Controls one schedule. Its state has one owner at a time: the monitor of this object. Each
 * event (main's points and end, spawns, a worker's messages read by that worker's reader
 * thread) is handled by the thread that brings it, under the monitor, in arrival order; so a
 * point costs one hand-off to the controller and one back, and main may even release itself.
 * Exactly one process runs at a time in controlled mode; when it reaches its next point (or
 * exits) the state invariants are checked and the {@link Stepper} releases the next process.
 * In stress mode the controller only tracks exits.
 *
 * <p>{@link #run()} is the watchdog, on its own thread: it waits for the end, turns silence
 * longer than the hang timeout into a hang finding, and stops and drains the workers.
 *
 * <p>A process started by main stands at its first point ({@code START 'begin'}) as soon as
 * main's {@code start()} returns: its worker loads the task, then waits for permission, so
 * decisions never depend on JVM timing.
 */
final class Controller {
  private static final long DRAIN_MILLIS = 5000;
  /** How often stress mode samples the state invariants. */
  private static final long SAMPLE_NANOS = 2_000_000L;
  /** The exit code of a process whose parent died, as the runtime gives it. */
  private static final int ORPHAN_EXIT = 255;
  private long lastEvent = System.nanoTime();
  private boolean closed;
  private final ObjectNames names = new ObjectNames();
  private boolean draining;
  final ScheduleSpec spec;
  final List<Proc> procs = new ArrayList<>();
  final Stepper stepper;
  Problem problem;
  /** Whether the schedule was abandoned as equivalent to one explored before (not a finding). */
  private boolean abandoned;
  private boolean mainEnded;
  /** Starts the processes that processes start; null where none may. */
  HarnessLaunchPath launcher;

  Controller(ScheduleSpec spec, Scheduler scheduler) {
    this.spec = spec;
    this.stepper = new Stepper(this, scheduler);
    procs.add(new Proc(0, "main", null, null, Status.RUNNING));
    stepper.running = 0;
  }

  /** Handles {@code e} on the calling thread, then releases the next process if due. */
  synchronized void post(Event e) {
    if (closed) {
      return;
    }
    lastEvent = System.nanoTime();
    try {
      handle(e);
      if (problem == null && spec.controlled() && stepper.running < 0 && !finished()) {
        stepper.decide();
      }
    } catch (RuntimeException | Error ex) {
      problem = Problem.exception("controller", "the harness failed: " + ex, Stacks.text(ex));
    }
    if (draining || problem != null || finished()) {
      notifyAll(); // wake the watchdog only when it has something to do
    }
  }

  /** Routes a worker's messages here. */
  void listen(Worker w) {
    w.route((worker, m) -> {
      if (m instanceof Spawn s) {
        // starting a process may boot a worker JVM: not on the reader thread
        Thread t = new Thread(() -> worker.send(spawn(worker, s)), "interleave-spawn");
        t.setDaemon(true);
        t.start();
      } else if (m instanceof Signal sig) {
        post(new Killed(sig.process(), sig.force()));
        worker.send(state(sig.epoch(), sig.process()));
      } else if (m instanceof Message.Status st) {
        worker.send(state(st.epoch(), st.process()));
      } else {
        post(new FromWorker(worker, m));
      }
    });
  }

  /** A controlled process on {@code w} starts a process of its own. */
  private ChildState spawn(Worker w, Spawn s) {
    Proc parent;
    synchronized (this) {
      parent = byWorker(w);
    }
    if (parent == null || s.epoch() != spec.epoch() || launcher == null) {
      return new ChildState(s.epoch(), -1, 0, false, 0, "the schedule is over");
    }
    return launcher.launchFor(parent, s);
  }

  /** What the parent of process {@code id} may know of it. */
  private synchronized ChildState state(long epoch, int id) {
    if (id <= 0 || id >= procs.size()) {
      return new ChildState(epoch, id, 0, false, 0, "no process " + id + " in this schedule");
    }
    Proc p = procs.get(id);
    return new ChildState(epoch, id, p.worker.pid(), p.alive(), p.exitCode, null);
  }

  /** The watchdog: waits for the schedule's end; returns its trace and problem (null if none). */
  synchronized ScheduleResult run() {
    Points.markMachinery(); // the invariants this thread samples are not the program's steps
    try {
      watch();
      if (problem == null && spec.controlled()) {
        stepper.finish();
      }
      draining = true;
      if (problem != null) {
        abortAll();
      }
      drainWorkers();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = Problem.exception("controller", "the harness was interrupted", null);
    }
    closed = true;
    return new ScheduleResult(stepper.trace(), abandoned ? null : problem, output());
  }

  /**
   * Stops the schedule as redundant: its processes are aborted as after a finding, but the
   * schedule reports none (the stop signal is a problem only while the schedule runs, so that no
   * later event is taken for a finding).
   */
  void abandon(String why) {
    abandoned = true;
    problem = Problem.divergence(why);
  }

  /** Whether the schedule was abandoned as redundant. */
  synchronized boolean abandoned() {
    return abandoned;
  }

  /** What the processes that printed anything printed. */
  private List<ProcessOutput> output() {
    List<ProcessOutput> out = new ArrayList<>();
    for (Proc p : procs) {
      if (!p.stdout.isEmpty() || !p.stderr.isEmpty()) {
        out.add(new ProcessOutput(p.name, p.stdout, p.stderr));
      }
    }
    return out;
  }

  private void watch() throws InterruptedException {
    long timeout = spec.hangTimeout().toNanos();
    while (problem == null && !finished()) {
      long left = timeout - (System.nanoTime() - lastEvent);
      if (left > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, spec.controlled() ? left : Math.min(left,
            SAMPLE_NANOS));
        sampleUnderStress();
      } else {
        onSilence();
        lastEvent = System.nanoTime();
      }
    }
  }

  boolean finished() {
    if (!mainEnded) {
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
      // controlled: the worker waits for a Go before running the task; no message needed
      // no worker: a process removed by shrinking, started as one that has already exited
      Proc p = new Proc(s.id(), s.name(), s.worker(), s.handle(), s.worker() == null
          ? Status.EXITED : spec.controlled() ? Status.READY : Status.RUNNING);
      p.parent = s.parent();
      p.pending = new Arrive(spec.epoch(), Kind.BEGIN, "START", null, "begin", null, null, -1);
      procs.add(p);
    } else if (e instanceof MainEnded m) {
      onMainEnded(m.failure());
    } else if (e instanceof Killed k) {
      onKilled(procs.get(k.id()), k.force());
    }
  }

  private void onMainEnded(Throwable failure) {
    mainEnded = true;
    Proc main = procs.get(0);
    if (failure != null && !(failure instanceof ScheduleAbort) && problem == null) {
      problem = Problem.exception("main", "the scenario body threw " + failure,
          Stacks.text(failure));
    }
    exit(main, failure == null ? 0 : 1);
  }

  private void onWorker(Worker w, Message m) {
    Proc p = byWorker(w);
    if (p == null) {
      return; // a late message of an earlier schedule
    }
    if (m == null) {
      onWorkerGone(p);
    } else if (m instanceof Arrive a && a.epoch() == spec.epoch() && p.alive()) {
      onArrive(p, a);
    } else if (m instanceof Exited x && x.epoch() == spec.epoch()) {
      p.worker.route((x1, x2) -> {});
      p.printed(x.stdout(), x.stderr());
      if (p.alive()) {
        if (x.failure() != null && problem == null
            && !spec.ends().allowsException(exceptionClass(x.failure()))) {
          problem = Problem.exception(p.name, p.name + " threw " + firstLine(x.failure()),
              x.failure());
        }
        exit(p, x.code());
      }
      p.pending = null;
    }
  }

  /**
   * The worker JVM of {@code p} ended while its task ran: the process called {@code
   * System.exit}, or its JVM died. Either way the process ends with the JVM's exit status, as
   * the runtime reports it, and its held primitives see a dead holder.
   */
  private void onWorkerGone(Proc p) {
    if (!p.alive()) {
      return;
    }
    java.util.OptionalInt code = p.worker.awaitExitCode();
    p.pending = null;
    if (code.isEmpty() && problem == null) {
      problem = Problem.exception(p.name, "the worker JVM running " + p.name
          + " stopped answering and did not exit", null);
    } else if (problem == null && !spec.ends().allowsExitCode(code.getAsInt())) {
      problem = Problem.exception(p.name, p.name + " exited with code " + code.getAsInt()
          + (code.getAsInt() < 0 ? " (killed by signal " + -code.getAsInt() + ")"
              : " (System.exit)") + "; declare it with Scenario.allowExitCode if expected", null);
    }
    exit(p, code.orElse(-9));
    endOrphans(p);
    stepper.wakeAll();
  }

  /**
   * {@code p} died: its live children end as the runtime's orphans do (a child whose parent
   * vanished exits with 255, without waiting for its own children). The runtime ends them
   * within a tenth of a second; under control they end at once.
   */
  private void endOrphans(Proc p) {
    for (Proc q : procs) {
      if (q.id != 0 && q.parent == p.id && q.alive()) {
        q.worker.killAndAwait();
        q.pending = null;
        exit(q, ORPHAN_EXIT);
        endOrphans(q);
      }
    }
  }

  /** The class name at the head of a printed stack trace. */
  private static String exceptionClass(String stackTrace) {
    String head = firstLine(stackTrace);
    int end = head.indexOf(':');
    return (end < 0 ? head : head.substring(0, end)).strip();
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return (nl < 0 ? text : text.substring(0, nl)).strip();
  }

  private Proc byWorker(Worker w) {
    for (int i = procs.size() - 1; i > 0; i--) {
      if (procs.get(i).worker == w) {
        return procs.get(i);
      }
    }
    return null;
  }

  private void onArrive(Proc p, Arrive raw) {
    if (raw.kind() == Kind.PROGRESS) {
      return; // post() has noted the time: the process is alive and moving
    }
    if (raw.kind() == Kind.UNCONTROLLED) {
      if (problem == null) {
        problem = Problem.uncontrolled(p.name, "in " + p.name + ", " + raw.label());
      }
      return;
    }
    Arrive a = names.normalize(raw);
    stepper.completed(p, a.kind() != Kind.BLOCKED);
    p.pending = a;
    switch (a.kind()) {
      case BLOCKED -> {
        p.status = Status.BLOCKED;
        if (problem == null && spec.controlled()) {
          problem = Deadlocks.rlockCycle(procs, p); // final at once, whatever others still do
        }
      }
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
    p.status = Status.EXITED;
    p.exitCode = code;
    if (p.handle != null) {
      p.handle.exited(code);
    }
    stepper.wake("process:" + p.name);
  }

  /**
   * Main terminated or killed {@code p}: its worker JVM is killed at once, so no code of the
   * process runs afterwards ({@code finally} blocks included), as with the runtime's {@code
   * terminate()} and {@code kill()}; it exits with -15 or -9, and processes blocked on what it
   * held retry, to find its primitives held by a dead process.
   */
  void onKilled(Proc p, boolean force) {
    if (p.alive()) {
      p.worker.killAndAwait();
      p.pending = null;
      exit(p, force ? -9 : -15);
      endOrphans(p);
      stepper.wakeAll();
    }
  }

  /**
   * Stress mode: the state invariants are checked about every {@value #SAMPLE_NANOS} ns while
   * the processes run freely (under control they are checked after every step). A sample may
   * fall inside an operation, so a violation found this way is searched for under control
   * before it is reported as reproduced.
   */
  private void sampleUnderStress() {
    if (spec.controlled() || problem != null || mainEnded && finished()) {
      return;
    }
    String failed = spec.run().checkState();
    if (failed != null) {
      problem = Problem.invariant(failed, "invariant '" + failed + "' was violated (sampled"
          + " while the processes ran)" + spec.run().observed(), spec.run().observedValue());
    }
  }

  /** Nothing happened for the hang timeout: whoever should move is hung. */
  private void onSilence() {
    Proc stuck = null;
    for (Proc p : procs) {
      if (p.status == Status.RUNNING && spec.controlled()) {
        stuck = p;
      }
    }
    if (stuck == null && spec.controlled()) {
      return;
    }
    if (stuck == null) {
      stuck = procs.stream().filter(Proc::alive).findFirst().orElse(procs.get(0));
    }
    String dump = stuck.worker == null ? ThreadDumps.ofThisJvm()
        : ThreadDumps.of(stuck.worker.pid());
    problem = new Problem(FindingKind.HANG, null, stuck.name + " did not reach its next"
        + " scheduling point within " + spec.hangTimeout().toMillis() + " ms"
        + (stuck.pending == null ? "" : " (last point: " + stuck.pending.op()
            + (stuck.pending.label() == null ? "" : " '" + stuck.pending.label() + "'") + ")"),
        List.of(), dump, null, stuck.name);
    if (stuck.worker != null) {
      stuck.worker.kill();
    } else {
      spec.main().interruptHung(); // a body hung in a wait the harness cannot see
    }
  }

  /** Stops every live process; {@link #drainWorkers} then waits for their ends. */
  private void abortAll() {
    for (Proc p : procs) {
      if (p.alive() && p.id == 0) {
        spec.main().mailbox().abort();
      } else if (p.worker != null && p.pending != null) {
        p.worker.send(new Abort(spec.epoch()));
      }
    }
  }

  private void drainWorkers() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
    long left;
    while (busyWorker() != null && (left = deadline - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
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
