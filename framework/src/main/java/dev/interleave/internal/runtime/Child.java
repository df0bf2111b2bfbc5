package dev.interleave.internal.runtime;

/**
 * A started child as {@link Children} sees it: the runtime's view of a process object of the
 * public API, which implements it with an adapter.
 */
public interface Child {
  /** The process name. */
  String name();

  /** Whether the child is daemonic. */
  boolean isDaemon();

  /** Whether it was started, is not closed, and runs. */
  boolean isRunning();

  /** Waits for it to exit. */
  void join() throws InterruptedException;

  /** Sends it SIGTERM. */
  void terminate();
}
