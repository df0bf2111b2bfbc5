package dev.interleave.internal.harness.worker;

import dev.interleave.internal.wire.Connection;
import dev.interleave.internal.wire.Message;
import dev.interleave.internal.wire.Message.Abort;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.ChildState;
import dev.interleave.internal.wire.Message.Go;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The point handler of a harness worker JVM. The task runs on the worker's only control
 * thread, which reads the controller's answer itself: one round trip per point, no hand-off
 * between threads. An {@link Abort} read while waiting stops the task (and every later point).
 */
final class TaskHandler extends ControlledHandler {
  private final Connection connection;
  private boolean aborted;

  TaskHandler(Connection connection) {
    this.connection = connection;
  }

  /** Readies the handler for a new task. */
  void reset() {
    aborted = false;
  }

  /** Waits for the permission to run the task's first instruction (its START point). */
  void awaitBegin() {
    try {
      awaitGo(epoch());
    } catch (IOException e) {
      throw new UncheckedIOException("the harness controller went away", e);
    }
  }

  @Override
  protected void progress(Arrive arrive) {
    try {
      connection.send(arrive);
    } catch (IOException e) {
      throw new UncheckedIOException("the harness controller went away", e);
    }
  }

  @Override
  protected Go exchange(Arrive arrive) {
    if (aborted) {
      throw new ScheduleAbort();
    }
    try {
      connection.send(arrive);
      return awaitGo(arrive.epoch());
    } catch (IOException e) {
      throw new UncheckedIOException("the harness controller went away", e);
    }
  }

  private Go awaitGo(long epoch) throws IOException {
    return awaitReply(epoch, Go.class);
  }

  /**
   * Sends {@code request} about a child of the running process and returns the controller's
   * answer; called by the participant thread only, between its points.
   */
  ChildState request(Message request) {
    if (aborted) {
      throw new ScheduleAbort();
    }
    try {
      connection.send(request);
      return awaitReply(epoch(), ChildState.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the harness controller went away", e);
    }
  }

  private <T extends Message> T awaitReply(long epoch, Class<T> type) throws IOException {
    while (true) {
      Message m = connection.receive();
      if (type.isInstance(m) && epochOf(m) == epoch) {
        return type.cast(m);
      }
      if (m instanceof Abort a && a.epoch() == epoch) {
        aborted = true;
        throw new ScheduleAbort();
      }
      if (m instanceof Message.Shutdown) {
        System.exit(0);
      }
    }
  }

  private static long epochOf(Message m) {
    return m instanceof Go g ? g.epoch() : m instanceof ChildState c ? c.epoch() : -1;
  }
}
