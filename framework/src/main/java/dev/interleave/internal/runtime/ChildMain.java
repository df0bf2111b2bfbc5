package dev.interleave.internal.runtime;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bootstrap of every child JVM.
 *
 * <p>It prints a ready marker on stderr (the parent's pump swallows it), reads its {@link
 * ChildSpec} from stdin (a warm JVM waits here; end-of-file there means its parent exited),
 * then watches its parent and exits if it dies. It deserializes the process, runs it, and
 * exits with 0, or 1 after printing the stack trace as CPython prints a traceback.
 */
public final class ChildMain {
  /** The marker a child prints first on stderr, so the parent knows the bootstrap runs. */
  static final byte[] READY = "\u0001interleave-ready\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final long ORPHAN_HALT_MILLIS = 1500;
  private static final long PARENT_CHECK_MILLIS = 100;

  private ChildMain() {}

  public static void main(String[] args) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    if (in.available() == 0) {
      prime(); // a warm JVM: nothing to do yet; ready means primed
    }
    OutputStream rawErr = new FileOutputStream(FileDescriptor.err);
    rawErr.write(READY);
    rawErr.flush();
    ChildSpec spec;
    try {
      spec = ChildSpec.readFrom(in);
    } catch (EOFException e) {
      return; // an unused warm JVM whose parent exited
    }
    System.setIn(new ByteArrayInputStream(new byte[0]));
    TermSignal.dieAtOnce();
    ExitReport.install();
    watchParent(spec.parentPid());
    for (Map.Entry<String, String> p : spec.properties().entrySet()) {
      System.setProperty(p.getKey(), p.getValue());
    }
    ProcessContext.initChild(spec);
    int code = runProcess(spec);
    Children.atExit();
    System.out.flush();
    System.err.flush();
    // what returning from main does (wait for the other non-daemon threads, run the shutdown
    // hooks, exit), through System.exit, whose path the parent sees end sooner; and so also
    // after a target that threw, as CPython's bootstrap waits for its threads either way
    ExitHandler.awaitOtherThreads();
    System.exit(code);
  }

  /**
   * Runs a serialized process in this JVM as the process {@code name} (a harness worker runs
   * one process of a schedule this way, then waits for the next). Locks and permits the task
   * still holds when it ends stay taken, as at a process's exit, so that the next task in this
   * JVM never counts as their holder.
   *
   * @param beforeRun called between deserialization and {@code run} (may be null)
   * @return null when {@code run} returned, else what it threw (not printed)
   * @throws IOException if the payload cannot be deserialized
   */
  public static Throwable runTask(String name, boolean daemon, String parentName, long parentPid,
      byte[] payload, Runnable beforeRun) throws IOException, ClassNotFoundException {
    ChildSpec spec = new ChildSpec(name, daemon, parentName, parentPid, Map.of(), payload);
    ProcessContext.initChild(spec);
    if (beforeRun != null) {
      beforeRun.run(); // user code (readObject, static initialisers) runs under the first grant
    }
    Object process = Serialization.deserialize(payload,
        Thread.currentThread().getContextClassLoader());
    try {
      Bootstraps.get().run(process, true);
      return null;
    } catch (Exception | Error e) {
      return e;
    }
  }

  private static int runProcess(ChildSpec spec) {
    Object process;
    try {
      process = Serialization.deserialize(spec.payload(), Thread.currentThread().getContextClassLoader());
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      System.err.println("Process " + spec.name() + ": cannot deserialize its target");
      e.printStackTrace();
      return 1;
    }
    try {
      Bootstraps.get().run(process, false);
      return 0;
    } catch (Exception | Error e) {
      System.err.println("Process " + spec.name() + ":");
      e.printStackTrace();
      return 1;
    }
  }

  /**
   * A warm JVM waiting for its task loads what every task needs (serialization, lambda
   * deserialization, the runtime's classes), so that the task's first statement runs sooner.
   */
  private static void prime() {
    try {
      Bootstraps.get().prime();
      ProcessContext.resetChildNames();
      dev.interleave.internal.shm.Segment.anonymous(64); // loads the futex parker
      Class.forName(TermSignal.class.getName(), true, ChildMain.class.getClassLoader());
      ProcessHandle.current().parent();
      Thread primer = new Thread(() -> { }, "interleave-prime");
      primer.start();
      primer.join();
      Path scratch = Files.createTempFile("interleave-prime", ".txt");
      Files.writeString(scratch, ChildMain.class.getName());
      Files.readString(scratch);
      Files.delete(scratch);
    } catch (Exception e) {
      // priming is an optimization only
    }
  }

  /**
   * Exits when the parent is gone (even by kill -9): the child is then re-parented, so its
   * parent pid changes. Checked every {@value #PARENT_CHECK_MILLIS} ms by a sleeping daemon
   * thread. (A thread blocked in a native read of stdin would tell at once, but the JVM waits
   * up to 300 ms at exit for threads in native code, which would slow every child's exit.)
   */
  private static void watchParent(long parentPid) {
    Thread t = new Thread(() -> {
      try {
        while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid) {
          Thread.sleep(PARENT_CHECK_MILLIS);
        }
      } catch (InterruptedException e) {
        return;
      }
      orphaned();
    }, "interleave-parent-watch");
    t.setDaemon(true);
    t.start();
  }


  private static void orphaned() {
    Thread halt = new Thread(() -> {
      try {
        Thread.sleep(ORPHAN_HALT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(ExitCodesOrphan.CODE);
    }, "interleave-orphan-halt");
    halt.setDaemon(true);
    halt.start();
    Children.signalled(); // an orphan does not wait for its own children
    System.exit(ExitCodesOrphan.CODE);
  }

  /** The exit code of a child whose parent vanished. */
  private static final class ExitCodesOrphan {
    static final int CODE = 255;
  }
}
