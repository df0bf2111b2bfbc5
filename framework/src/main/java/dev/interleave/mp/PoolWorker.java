package dev.interleave.mp;

import dev.interleave.internal.pool.Worker;
import dev.interleave.internal.pool.WorkerMain;
import dev.interleave.internal.pool.WorkerSpec;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A pool worker: a daemonic {@link Process} running {@link WorkerMain#serve}, named {@code
 * PoolWorker-N} after its process number as CPython names them. Started through the ordinary
 * process runtime, so it comes from the warm JVMs when one is waiting.
 */
final class PoolWorker implements Worker {
  private final Process process;
  /** The exit code once released: the process object is closed then and answers no more. */
  private volatile OptionalInt released;

  private PoolWorker(Process process) {
    this.process = process;
  }

  static Worker start(WorkerSpec spec) {
    Process p = new Process(WorkerMain::serve, spec);
    p.setName(p.name().replace("Process-", "PoolWorker-"));
    p.setDaemon(true);
    p.start();
    return new PoolWorker(p);
  }

  @Override
  public String name() {
    return process.name();
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public synchronized boolean isAlive() {
    return released == null && process.isAlive();
  }

  @Override
  public synchronized OptionalInt exitCode() {
    return released != null ? released : process.exitCode();
  }

  @Override
  public boolean join(Duration timeout) throws InterruptedException {
    synchronized (this) {
      if (released != null) {
        return true;
      }
    }
    try {
      return process.join(timeout);
    } catch (IllegalStateException closedMeanwhile) {
      if (released != null) {
        return true;
      }
      throw closedMeanwhile;
    }
  }

  @Override
  public synchronized void stop(boolean force) {
    if (released != null) {
      return;
    }
    if (force) {
      process.kill();
    } else {
      process.terminate();
    }
  }

  @Override
  public synchronized void release() {
    if (released == null && !process.isAlive()) {
      released = process.exitCode();
      process.close();
    }
  }
}
