package dev.interleave.internal.runtime;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM running {@link ChildMain}: its OS process, its stdin (the spec goes there and
 * stays open while the parent lives) and the pumps copying its output.
 */
public final class ChildJvm implements ChildHandle {
  private static final long PUMP_DRAIN_MILLIS = 2000;

  private final java.lang.Process process;
  private final List<String> command;
  private final DataOutputStream stdin;
  private final OutputTail tail = new OutputTail(4096);
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile boolean killedForTerm;
  private volatile boolean termSent;
  /** The status of a JVM ended by SIGTERM through its own handling: 128 + 15. */
  private static final int TERM_STATUS = 143;
  private final OutputPump out;
  private final OutputPump err;
  /** Set once terminate or kill was sent: an early exit is then not a failed launch. */
  private volatile boolean signalled;

  private ChildJvm(java.lang.Process process, List<String> command, boolean pumpStdout) {
    this.process = process;
    this.command = List.copyOf(command);
    this.stdin = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    String tag = "interleave-pump-" + process.pid();
    this.out = pumpStdout
        ? OutputPump.start(process.getInputStream(), true, tail, null, tag + "-out") : null;
    this.err = OutputPump.start(process.getErrorStream(), false, tail, ready, tag + "-err");
  }

  /**
   * Launches a JVM running the bootstrap; it waits for its spec. Its stdout is this JVM's own
   * file descriptor 1, as with CPython, so that lines of several children keep their real
   * order; only where this JVM's {@link System#out} is redirected in-process (a test runner, or
   * {@code interleave.childOutput=pump}) is it copied by a pump thread instead. Its stderr is
   * always pumped: it carries the ready marker and feeds the output tail of launch failures.
   */
  public static ChildJvm launch(List<String> command) {
    boolean pump = OutputMode.pumpStdout();
    ProcessBuilder builder = new ProcessBuilder(command);
    if (!pump) {
      builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
    }
    try {
      return new ChildJvm(builder.start(), command, pump);
    } catch (IOException e) {
      throw new LaunchException("cannot launch a child JVM: " + e.getMessage(), command,
          null, "", e);
    }
  }

  /** Waits until the bootstrap runs; throws {@link LaunchException} if the JVM died. */
  public void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready.await(20, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive()) {
        err.awaitDone(PUMP_DRAIN_MILLIS);
        if (ready.getCount() == 0) {
          return;
        }
        throw startFailure("the child JVM exited before it reached the bootstrap");
      }
      if (System.nanoTime() - deadline > 0) {
        throw startFailure("the child JVM did not reach the bootstrap within " + timeout);
      }
    }
  }

  boolean isReady() {
    return ready.getCount() == 0;
  }

  /** Sends the spec; false if the JVM is gone (a warm JVM that died). */
  boolean send(ChildSpec spec) {
    try {
      spec.writeTo(stdin);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private LaunchException startFailure(String what) {
    Integer code = process.isAlive() ? null : process.exitValue();
    return new LaunchException(what, command, code, tail.text(), null);
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for exit and for the output to be copied; null timeout waits forever. */
  @Override
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    if (timeout == null) {
      process.waitFor();
    } else if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    // the copies of the child's output end with its pipes, which a grandchild may hold open:
    // they get what is left of the timeout, so a timed join never overruns it
    if (out != null) {
      out.awaitDone(drainMillis(timeout, deadline));
    }
    err.awaitDone(drainMillis(timeout, deadline));
    if (!isReady() && !signalled) {
      throw startFailure("the child JVM exited before it reached the bootstrap");
    }
    return true;
  }

  /** How long to wait for an output copy to end: the drain limit, within a timed wait's rest. */
  private static long drainMillis(Duration timeout, long deadline) {
    long limit = Long.getLong("interleave.child.drainMillis", PUMP_DRAIN_MILLIS);
    if (timeout == null) {
      return limit;
    }
    return Math.min(limit, Math.max(0, (deadline - System.nanoTime()) / 1_000_000L));
  }

  /** The exit code as CPython reports it, empty while running. */
  @Override
  public OptionalInt exitCode() {
    if (process.isAlive()) {
      return OptionalInt.empty();
    }
    int status = process.exitValue();
    if (ExitCodes.isSignalRange(status) && !err.isDone()) {
      try {
        err.awaitDone(PUMP_DRAIN_MILLIS); // the exit report is the stream's last words
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int code = ExitCodes.fromJvmStatus(status, err.exitReported());
    if (killedForTerm && code == -9 || termSent && code == TERM_STATUS) {
      // a SIGTERM that reached the JVM before its bootstrap's handler ran the JVM's own exit
      // (status 143, through shutdown hooks that may report an exit): it died of the signal
      return OptionalInt.of(-15);
    }
    return OptionalInt.of(code);
  }

  /**
   * SIGTERM, or SIGKILL when {@code force}. Signals go through the process handle:
   * {@code Process.destroy} would also close the child's stdin, which the child takes for its
   * parent's death and exits with its own code, racing the signal's.
   */
  @Override
  public void terminate(boolean force) {
    ProcessHandle handle = process.toHandle();
    signalled = true;
    if (force) {
      handle.destroyForcibly();
    } else if (!isReady()) {
      // a JVM still booting has run no code of the process, and honours SIGTERM only once its
      // signal thread runs (seconds on a loaded machine): it is ended at once, as a forked
      // child would be, and reports SIGTERM
      killedForTerm = true;
      handle.destroyForcibly();
    } else {
      termSent = true;
      handle.destroy();
    }
  }

  /** Closes the child's stdin; a running child takes that as its parent's exit. */
  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
  }

  List<String> command() {
    return command;
  }
}
