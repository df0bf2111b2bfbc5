package dev.interleave.internal.runtime;

/** Maps JVM exit statuses to CPython's exit codes. */
final class ExitCodes {
  private static final int SIGNAL_BASE = 128;
  private static final int MAX_SIGNAL = 64;

  private ExitCodes() {}

  /**
   * The JDK reports a child killed by signal N as 128+N; CPython reports -N. Statuses 129..192
   * are therefore reported as -1..-64, as a shell would read them.
   */
  static int fromJvmStatus(int status) {
    if (status > SIGNAL_BASE && status <= SIGNAL_BASE + MAX_SIGNAL) {
      return -(status - SIGNAL_BASE);
    }
    return status;
  }
}
