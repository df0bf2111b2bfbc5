package dev.interleave.internal.harness.worker;

import dev.interleave.internal.runtime.ChildHandle;
import dev.interleave.internal.runtime.ChildMain;
import dev.interleave.internal.runtime.Children;
import dev.interleave.internal.runtime.Launcher;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.runtime.ProcessContext;
import dev.interleave.internal.shm.SharedMemory;
import dev.interleave.internal.wire.Connection;
import dev.interleave.internal.wire.Message;
import dev.interleave.internal.wire.Message.Assign;
import dev.interleave.internal.wire.Message.ChildState;
import dev.interleave.internal.wire.Message.Exited;
import dev.interleave.internal.wire.Message.Hello;
import dev.interleave.internal.wire.Message.Shutdown;
import dev.interleave.internal.wire.Message.Spawn;
import dev.interleave.mp.ProcessStartException;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The loop of a harness worker JVM: it reads messages from the controller; each {@link Assign}
 * runs one process of one schedule on this thread, which reports {@link Exited} when done, then
 * waits for the next. Static state of user classes is <b>not</b> reset between tasks. A hung
 * task is not unwound: the controller takes a thread dump ({@code jcmd}) and kills the JVM.
 */
final class WorkerLoop {
  /** Exit code reported for a task stopped by the harness. */
  static final int ABORTED = -1000;

  private final Connection connection;
  private final TaskHandler handler;
  private final TaskOutput output = TaskOutput.install();

  private WorkerLoop(Connection connection) {
    this.connection = connection;
    this.handler = new TaskHandler(connection);
  }

  static void serve(Path socket, int index, String token) throws IOException {
    try (Connection c = Connection.connect(socket)) {
      c.send(new Hello(index, ProcessHandle.current().pid(), token));
      WorkerLoop loop = new WorkerLoop(c);
      Points.install(loop.handler);
      Launcher.override(loop::launchGrandchild);
      loop.run();
    }
  }

  private void run() throws IOException {
    while (true) {
      Message m;
      try {
        m = connection.receive();
      } catch (EOFException e) {
        return;
      }
      if (m instanceof Assign a) {
        runTask(a);
      } else if (m instanceof Shutdown) {
        return;
      } // a Go or Abort of a finished task: stale
    }
  }

  /**
   * A controlled process starting a process of its own: the controller hands it to another
   * worker and schedules it like main's children. Other threads, and stress mode, take the
   * default path (a real child JVM).
   */
  private ChildHandle launchGrandchild(String name, boolean daemon, byte[] payload) {
    if (!handler.controlsBlocking()) {
      return null;
    }
    ChildState s = handler.request(new Spawn(handler.epoch(), name, daemon, payload));
    if (s.process() < 0) {
      throw new ProcessStartException("cannot start " + name + " under the harness: "
          + s.error(), List.of("harness-worker"), null, "", null);
    }
    return new GrandchildHandle(handler, s);
  }

  /** Runs one task on this thread: its points read the controller's answers inline. */
  private void runTask(Assign a) {
    handler.reset();
    ProcessContext.resetChildNames(); // each task is a new process: its children count from 1
    Children.forgetAll();
    ProcessContext.reused();
    output.begin();
    Set<Path> segments = SharedMemory.ownedNow();
    handler.bind(Thread.currentThread(), a.epoch(), a.controlled(), a.noiseSeed(), a.sites());
    int code;
    String failure = null;
    try {
      Throwable t = ChildMain.runTask(a.name(), a.daemon(), a.parentName(), a.parentPid(),
          a.payload(), a.controlled() ? handler::awaitBegin : null);
      code = t == null ? 0 : t instanceof ScheduleAbort ? ABORTED : 1;
      if (code == 1) {
        failure = report(a.name(), t);
      }
      if (code != ABORTED) {
        Children.atExit(); // as the runtime's exit: daemonic children terminated, others joined
        // the end of the target and the exit that join() sees are two moments: others may run
        Points.point(Op.EXIT, "process:" + a.name(), null);
      }
    } catch (ScheduleAbort e) {
      code = ABORTED;
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      code = 1;
      failure = report(a.name(), e);
    }
    handler.unbind();
    // as the process's exit would: what it created goes (this JVM runs many processes)
    SharedMemory.removeOwnedSince(segments);
    send(new Exited(a.epoch(), code, failure, output.stdout(), output.stderr()));
  }

  private static String report(String name, Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    System.err.println("Process " + name + ":");
    System.err.print(text);
    return text.toString();
  }

  private void send(Message m) {
    try {
      connection.send(m);
    } catch (IOException e) {
      System.exit(0); // the controller is gone; so is the reason to live
    }
  }
}
