package dev.interleave.internal.pool;

import java.time.Duration;
import java.util.OptionalInt;

/** A started worker process, as the pool sees it (the public API adapts its {@code Process}). */
public interface Worker {
  /** The worker's process name. */
  String name();

  /** The worker's pid. */
  long pid();

  boolean isAlive();

  /** The exit code once it has exited. */
  OptionalInt exitCode();

  /** Waits at most {@code timeout} for the exit; returns whether it exited. */
  boolean join(Duration timeout) throws InterruptedException;

  /** SIGTERM (or SIGKILL with {@code force}). */
  void stop(boolean force);

  /** Releases the process object once it has exited. */
  void release();

  /** Starts workers: the public API launches a daemonic {@code Process} running {@link WorkerMain}. */
  @FunctionalInterface
  interface Launcher {
    /**
     * Starts a worker.
     *
     * @throws RuntimeException if the process cannot be started
     */
    Worker start(WorkerSpec spec);
  }
}
