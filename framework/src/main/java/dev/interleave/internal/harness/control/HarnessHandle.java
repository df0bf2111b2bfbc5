package dev.interleave.internal.harness.control;

import dev.interleave.internal.runtime.ChildHandle;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A process of a schedule as its {@code Process} object sees it: run by a harness worker. */
final class HarnessHandle implements ChildHandle {
  private final int id;
  private final long pid;
  private final Kill kill;
  private final CountDownLatch exited = new CountDownLatch(1);
  private volatile int code;

  HarnessHandle(int id, long pid, Kill kill) {
    this.id = id;
    this.pid = pid;
    this.kill = kill;
  }

  /** Ends process {@code id}: by SIGKILL if {@code force}, else as SIGTERM would. */
  @FunctionalInterface
  interface Kill {
    void kill(int id, boolean force);
  }

  /** The process's id in its schedule. */
  int id() {
    return id;
  }

  /** Called by the controller when the process's task ended. */
  void exited(int exitCode) {
    this.code = exitCode;
    exited.countDown();
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public boolean isAlive() {
    return exited.getCount() > 0;
  }

  @Override
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    if (timeout == null) {
      exited.await();
      return true;
    }
    return exited.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public OptionalInt exitCode() {
    return isAlive() ? OptionalInt.empty() : OptionalInt.of(code);
  }

  @Override
  public void terminate(boolean force) {
    if (isAlive()) {
      kill.kill(id, force);
    }
  }

  @Override
  public void close() {
    // nothing held
  }

  @Override
  public boolean keepsParentAlive() {
    return false; // the harness waits for every process of a schedule
  }
}
