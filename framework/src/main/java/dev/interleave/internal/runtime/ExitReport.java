package dev.interleave.internal.runtime;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How a child tells its parent that it exited rather than died: a JVM reports death by signal N
 * as status 128+N, the same number as {@code System.exit(128 + N)}.
 *
 * <p>A child's exit runs its shutdown hooks, and one of them writes {@link #MARKER} on the
 * child's stderr, which the parent's pump swallows. A status in 129..192 with the marker is an
 * exit code; without it, a signal (SIGKILL, {@code terminate()}'s halt, a crash). SIGINT and
 * SIGHUP also run the hooks; their handler records the signal first so that no marker is
 * written. {@code Runtime.halt} runs no hook and is reported as a signal.
 */
final class ExitReport {
  /** What the child writes on stderr when it exits. */
  static final byte[] MARKER = "\u0001interleave-exited\n".getBytes(StandardCharsets.ISO_8859_1);

  private static volatile boolean signalled;

  private ExitReport() {}

  /** Installs the hook that writes the marker; called once by the child bootstrap. */
  static void install() {
    Runtime.getRuntime().addShutdownHook(new Thread(ExitReport::report, "interleave-exit-report"));
  }

  /** Records that the exit under way is a signal's. */
  static void signalled() {
    signalled = true;
  }

  private static void report() {
    if (signalled) {
      return;
    }
    try { // no System.err.flush(): a thread of the child may hold its monitor for good
      @SuppressWarnings("resource") // fd 2 stays open for the JVM's own last words
      FileOutputStream err = new FileOutputStream(FileDescriptor.err);
      err.write(MARKER);
    } catch (IOException e) {
      // the parent is gone: nobody reads the report
    }
  }
}
