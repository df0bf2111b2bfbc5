package dev.interleave.internal.harness.worker;

import dev.interleave.internal.runtime.ChildHandle;
import dev.interleave.internal.wire.Message.ChildState;
import dev.interleave.internal.wire.Message.Signal;
import dev.interleave.internal.wire.Message.Status;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * What a controlled process holds of a process it started: the child runs in another harness
 * worker, and everything this process learns of it comes from the controller, asked by the
 * process's own (participant) thread between its points. {@code join} under control is a
 * blocked point whose attempt asks {@link #isAlive()}, so it never waits here.
 *
 * <p>Another thread of the process (a shutdown hook after {@code System.exit}) cannot ask the
 * controller: it sees the last answer, and {@link #awaitExit} does not wait for it.
 */
final class GrandchildHandle implements ChildHandle {
  private final TaskHandler handler;
  private final int id;
  private final long pid;
  private volatile boolean alive = true;
  private volatile int code;

  GrandchildHandle(TaskHandler handler, ChildState started) {
    this.handler = handler;
    this.id = started.process();
    this.pid = started.pid();
  }

  private void ask(boolean signal, boolean force) {
    if (!handler.controlsBlocking()) {
      return;
    }
    long epoch = handler.epoch();
    ChildState s = handler.request(signal ? new Signal(epoch, id, force) : new Status(epoch, id));
    code = s.code();
    alive = s.alive();
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public boolean isAlive() {
    if (alive) {
      ask(false, false);
    }
    return alive;
  }

  @Override
  public boolean awaitExit(Duration timeout) {
    return !isAlive();
  }

  @Override
  public OptionalInt exitCode() {
    return isAlive() ? OptionalInt.empty() : OptionalInt.of(code);
  }

  @Override
  public void terminate(boolean force) {
    if (alive) {
      ask(true, force);
    }
  }

  @Override
  public void close() {
    // nothing held here: the controller owns the worker
  }
}
