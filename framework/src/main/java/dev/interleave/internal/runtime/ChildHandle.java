package dev.interleave.internal.runtime;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * What a parent holds of a started child: a real child JVM ({@link ChildJvm}) or, under the
 * harness, a process run by a warm harness worker JVM.
 */
public interface ChildHandle {

  /** The OS process id of the JVM running the child. */
  long pid();

  /** Whether the child has not been seen to exit. */
  boolean isAlive();

  /** Waits for exit (and for its output to be copied); a null timeout waits forever. */
  boolean awaitExit(Duration timeout) throws InterruptedException;

  /** The exit code as CPython reports it, empty while running. */
  OptionalInt exitCode();

  /** SIGTERM, or SIGKILL when {@code force} (under the harness: the task is stopped). */
  void terminate(boolean force);

  /** Releases what the parent holds for the child. */
  void close();

  /**
   * Whether this JVM must stay alive until the child exits (CPython waits for non-daemonic
   * children); false where someone else waits, as the harness does for its workers' processes.
   */
  default boolean keepsParentAlive() {
    return true;
  }
}
