package dev.interleave.internal.harness.control;

import dev.interleave.internal.runtime.ChildJvm;
import dev.interleave.internal.wire.Connection;
import dev.interleave.internal.wire.Message;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * The controller's view of one harness worker JVM: its process, its connection, and where its
 * messages go (whoever controls the current schedule); the pool's {@link Reactor} reads them.
 */
final class Worker {
  private final int index;
  private final ChildJvm jvm;
  private volatile Connection connection;
  private volatile BiConsumer<Worker, Message> sink = (w, m) -> {};
  private volatile boolean dead;

  Worker(int index, ChildJvm jvm) {
    this.index = index;
    this.jvm = jvm;
  }

  int index() {
    return index;
  }

  long pid() {
    return jvm.pid();
  }

  boolean usable() {
    return connection != null && !dead && jvm.isAlive();
  }

  /** Routes this worker's messages to {@code sink} from now on. */
  void route(BiConsumer<Worker, Message> sink) {
    this.sink = sink;
  }

  void attach(Connection c, Reactor reactor) throws IOException {
    this.connection = c;
    reactor.register(this, c);
  }

  /** A message read from this worker; null: the worker is gone. */
  void deliver(Message m) {
    if (m == null) {
      dead = true;
    }
    sink.accept(this, m);
  }

  /** Sends {@code m}; false if the worker is gone. */
  boolean send(Message m) {
    try {
      connection.send(m);
      return true;
    } catch (IOException | RuntimeException e) {
      dead = true;
      return false;
    }
  }

  /**
   * Kills the JVM at once (no user code runs after this) and waits until it is gone, so that the
   * primitives its process held see a dead holder, as they would see a terminated process.
   */
  void killAndAwait() {
    route((w, m) -> {});
    kill();
    awaitExitCode();
  }

  /** The JVM's exit code once it has ended (waiting up to {@value #GONE_MILLIS} ms), or empty. */
  java.util.OptionalInt awaitExitCode() {
    try {
      jvm.awaitExit(java.time.Duration.ofMillis(GONE_MILLIS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return jvm.exitCode();
  }

  private static final long GONE_MILLIS = 5000;

  /** Kills the JVM (a hung task cannot be unwound). */
  void kill() {
    dead = true;
    jvm.terminate(true);
    jvm.close();
  }

  void shutdown() {
    if (connection != null) {
      send(new Message.Shutdown());
    }
    jvm.close();
    try {
      if (!jvm.awaitExit(java.time.Duration.ofSeconds(2))) {
        jvm.terminate(true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      jvm.terminate(true);
    }
  }
}
