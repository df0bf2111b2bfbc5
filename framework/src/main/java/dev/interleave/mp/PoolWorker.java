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
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public OptionalInt exitCode() {
    return process.exitCode();
  }

  @Override
  public boolean join(Duration timeout) throws InterruptedException {
    return process.join(timeout);
  }

  @Override
  public void stop(boolean force) {
    if (force) {
      process.kill();
    } else {
      process.terminate();
    }
  }

  @Override
  public void release() {
    if (!process.isAlive()) {
      process.close();
    }
  }
}
