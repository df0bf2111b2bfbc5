package dev.interleave.internal.runtime;

/** Maps JVM exit statuses to CPython's exit codes. */
final class ExitCodes {
  private static final int SIGNAL_BASE = 128;
  private static final int MAX_SIGNAL = 64;

  private ExitCodes() {}

  /**
   * The JDK reports a child killed by signal N as 128+N; CPython reports -N. A status in
   * 129..192 is a signal's unless the child reported that it exited (see {@link ExitReport}):
   * {@code System.exit(130)} stays 130.
   */
  static int fromJvmStatus(int status, boolean exitReported) {
    if (isSignalRange(status) && !exitReported) {
      return -(status - SIGNAL_BASE);
    }
    return status;
  }

  /** Whether {@code status} may be a signal's (and the child's exit report then decides). */
  static boolean isSignalRange(int status) {
    return status > SIGNAL_BASE && status <= SIGNAL_BASE + MAX_SIGNAL;
  }
}
