package dev.interleave.internal.harness.control;

import dev.interleave.internal.runtime.ChildHandle;
import dev.interleave.internal.runtime.LaunchPath;
import dev.interleave.internal.wire.Message.Assign;
import dev.interleave.internal.wire.Message.ChildState;
import dev.interleave.internal.wire.Message.Spawn;
import dev.interleave.mp.ProcessStartException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Under the harness, {@code Process.start()} on the scenario's main thread hands the process to
 * an idle warm worker instead of booting a JVM; so does a controlled process's, through the
 * controller ({@link #launchFor}). Other threads get the default path.
 */
final class HarnessLaunchPath implements LaunchPath {
  private final WorkerPool pool;
  private volatile Thread thread;
  private Controller controller;
  private final Deque<Worker> free = new ArrayDeque<>();
  private int nextId;
  private long noiseSeed;
  private ChoiceSource inputs = ChoiceSource.fixed(new long[0]);

  HarnessLaunchPath(WorkerPool pool) {
    this.pool = pool;
  }

  /** Starts serving schedule {@code c} on {@code main}, with {@code idle} workers. */
  void begin(Controller c, Thread main, List<Worker> idle, long noise) {
    this.controller = c;
    this.free.clear();
    this.free.addAll(idle);
    this.nextId = 0;
    this.noiseSeed = noise;
    this.thread = main;
  }

  /** The schedule's inputs, which say which processes shrinking removed. */
  void inputs(ChoiceSource choices) {
    this.inputs = choices;
  }

  void end() {
    thread = null;
  }

  /** How many workers the schedule used. */
  int used() {
    return nextId;
  }

  @Override
  public synchronized ChildHandle launch(String name, boolean daemon, byte[] payload) {
    if (Thread.currentThread() != thread) {
      return null;
    }
    if (inputs.removes(nextId + 1)) {
      return removed(++nextId, 0, name);
    }
    HarnessHandle handle = start(0, "MainProcess", ProcessHandle.current().pid(), name, daemon,
        payload);
    if (handle == null) {
      throw new ProcessStartException("the harness worker for " + name + " is gone",
          List.of("harness-worker"), null, "", null);
    }
    return handle;
  }

  /**
   * Starts the process a controlled process {@code parent} asked for, as main's are started,
   * and says what became of it (a process of -1 with an error when it could not start).
   */
  synchronized ChildState launchFor(Proc parent, Spawn s) {
    HarnessHandle handle;
    try {
      handle = start(parent.id, parent.name, parent.worker.pid(), s.name(), s.daemon(),
          s.payload());
    } catch (ProcessStartException e) {
      return new ChildState(s.epoch(), -1, 0, false, 0, e.getMessage());
    }
    if (handle == null) {
      return new ChildState(s.epoch(), -1, 0, false, 0,
          "the harness worker for " + s.name() + " is gone");
    }
    return new ChildState(s.epoch(), handle.id(), handle.pid(), true, 0, null);
  }

  /** Hands a process to a free worker; null if the worker is gone. */
  private HarnessHandle start(int parentId, String parentName, long parentPid, String name,
      boolean daemon, byte[] payload) {
    Worker w = free.pollFirst();
    if (w == null) {
      w = grow();
    }
    int id = ++nextId;
    HarnessHandle handle = new HarnessHandle(id, w.pid(),
        (k, force) -> controller.post(new Event.Killed(k, force)));
    controller.listen(w);
    controller.post(new Event.Spawned(id, parentId, name, w, handle));
    ScheduleSpec spec = controller.spec;
    boolean sent = w.send(new Assign(spec.epoch(), id, name, daemon, parentName, parentPid,
        payload, spec.controlled(), noiseSeed + id, spec.sites()));
    if (!sent) {
      controller.post(new Event.FromWorker(w, null));
      return null;
    }
    return handle;
  }

  /**
   * A process shrinking removed: it keeps its number and name, but no worker runs it; it is
   * started as a process that has already exited with code 0, without running its target, and
   * takes no step. Its pid is 0. Only processes started by main are removed.
   */
  private ChildHandle removed(int id, int parentId, String name) {
    HarnessHandle handle = new HarnessHandle(id, 0, (k, force) -> { });
    handle.exited(0);
    inputs.applied(id);
    controller.post(new Event.Spawned(id, parentId, name, null, handle));
    return handle;
  }

  private Worker grow() {
    try {
      List<Worker> all = pool.take(nextId + 1);
      return all.get(all.size() - 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessStartException("interrupted while booting a harness worker",
          List.of("harness-worker"), null, "", e);
    }
  }
}
