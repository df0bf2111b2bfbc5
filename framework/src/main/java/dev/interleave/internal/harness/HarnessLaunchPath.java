package dev.interleave.internal.harness;

import dev.interleave.internal.runtime.ChildHandle;
import dev.interleave.internal.runtime.LaunchPath;
import dev.interleave.internal.wire.Message.Assign;
import dev.interleave.mp.ProcessStartException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Under the harness, {@code Process.start()} on the scenario's main thread hands the process to
 * an idle warm worker instead of booting a JVM. Other threads get the default path.
 */
final class HarnessLaunchPath implements LaunchPath {
  private final WorkerPool pool;
  private volatile Thread thread;
  private Conductor conductor;
  private final Deque<Worker> free = new ArrayDeque<>();
  private int nextId;
  private long noiseSeed;
  private ChoiceSource inputs = ChoiceSource.fixed(new long[0]);

  HarnessLaunchPath(WorkerPool pool) {
    this.pool = pool;
  }

  /** Starts serving schedule {@code c} on {@code main}, with {@code idle} workers. */
  void begin(Conductor c, Thread main, List<Worker> idle, long noise) {
    this.conductor = c;
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
  public ChildHandle launch(String name, boolean daemon, byte[] payload) {
    if (Thread.currentThread() != thread) {
      return null;
    }
    if (inputs.removes(nextId + 1)) {
      return removed(++nextId, name);
    }
    Worker w = free.pollFirst();
    if (w == null) {
      w = grow();
    }
    int id = ++nextId;
    HarnessHandle handle = new HarnessHandle(id, w.pid(), (k, force) -> conductor.post(new Event.Killed(k, force)));
    conductor.listen(w);
    conductor.post(new Event.Spawned(id, name, w, handle));
    ScheduleSpec spec = conductor.spec;
    boolean sent = w.send(new Assign(spec.epoch(), id, name, daemon, "MainProcess",
        ProcessHandle.current().pid(), payload, spec.controlled(), noiseSeed + id));
    if (!sent) {
      conductor.post(new Event.FromWorker(w, null));
      throw new ProcessStartException("the harness worker for " + name + " is gone",
          List.of("harness-worker"), null, "", null);
    }
    return handle;
  }

  /**
   * A process shrinking removed: it keeps its number and name, but no worker runs it; it is
   * started as a process that has already exited with code 0, without running its target, and
   * takes no step. Its pid is 0.
   */
  private ChildHandle removed(int id, String name) {
    HarnessHandle handle = new HarnessHandle(id, 0, (k, force) -> { });
    handle.exited(0);
    conductor.post(new Event.Spawned(id, name, null, handle));
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
