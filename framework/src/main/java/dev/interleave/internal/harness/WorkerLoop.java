package dev.interleave.internal.harness;

import dev.interleave.internal.runtime.ChildMain;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.wire.Connection;
import dev.interleave.internal.wire.Message;
import dev.interleave.internal.wire.Message.Abort;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.Assign;
import dev.interleave.internal.wire.Message.Dump;
import dev.interleave.internal.wire.Message.DumpRequest;
import dev.interleave.internal.wire.Message.Exited;
import dev.interleave.internal.wire.Message.Go;
import dev.interleave.internal.wire.Message.Hello;
import dev.interleave.internal.wire.Message.Kind;
import dev.interleave.internal.wire.Message.Shutdown;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * The loop of a harness worker JVM. Its reader (this thread) takes messages from the
 * controller; each {@link Assign} runs one process of one schedule on a fresh task thread,
 * which reports {@link Exited} when done; then the worker waits for the next. Static state of
 * user classes is <b>not</b> reset between tasks.
 */
final class WorkerLoop {
  /** Exit code reported for a task stopped by the harness. */
  static final int ABORTED = -1000;

  private final Connection connection;
  private final TaskHandler handler;

  private WorkerLoop(Connection connection) {
    this.connection = connection;
    this.handler = new TaskHandler(connection);
  }

  static void serve(Path socket, int index, String token) throws IOException {
    try (Connection c = Connection.connect(socket)) {
      c.send(new Hello(index, ProcessHandle.current().pid(), token));
      WorkerLoop loop = new WorkerLoop(c);
      Points.install(loop.handler);
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
        startTask(a);
      } else if (m instanceof Go g) {
        handler.mailbox().deliver(g);
      } else if (m instanceof Abort a) {
        if (a.epoch() == handler.epoch()) {
          handler.mailbox().abort();
        }
      } else if (m instanceof DumpRequest) {
        connection.send(new Dump(ThreadDumps.ofThisJvm()));
      } else if (m instanceof Shutdown) {
        return;
      }
    }
  }

  private void startTask(Assign a) {
    handler.mailbox().clear();
    Thread t = new Thread(() -> runTask(a), "interleave-task-" + a.name());
    handler.bind(t, a.epoch(), a.controlled(), a.noiseSeed());
    t.setDaemon(true);
    t.start();
  }

  private void runTask(Assign a) {
    int code;
    String failure = null;
    try {
      if (a.controlled()) {
        handler.exchange(new Arrive(a.epoch(), Kind.BEGIN, "START", null, "begin", null, null, -1));
      }
      Throwable t = ChildMain.runTask(a.name(), a.daemon(), a.parentName(), a.parentPid(),
          a.payload());
      code = t == null ? 0 : t instanceof ScheduleAbort ? ABORTED : 1;
      if (code == 1) {
        failure = report(a.name(), t);
      }
    } catch (ScheduleAbort e) {
      code = ABORTED;
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      code = 1;
      failure = report(a.name(), e);
    }
    handler.unbind();
    send(new Exited(a.epoch(), code, failure));
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
