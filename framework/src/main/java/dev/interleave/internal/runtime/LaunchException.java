package dev.interleave.internal.runtime;

import java.util.List;

/**
 * A child JVM could not be launched, or exited before it reached the bootstrap: the runtime's
 * own failure, which {@code dev.interleave.mp} reports as a {@code ProcessStartException}.
 */
public final class LaunchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final List<String> command;
  private final Integer exitCode;
  private final String outputTail;

  LaunchException(String what, List<String> command, Integer exitCode, String outputTail,
      Throwable cause) {
    super(what, cause);
    this.what = what;
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.outputTail = outputTail;
  }

  /** What went wrong, in a few words. */
  public String what() {
    return what;
  }

  /** The child JVM's command line. */
  public List<String> command() {
    return command;
  }

  /** The JVM's exit code, null when it never ran. */
  public Integer exitCode() {
    return exitCode;
  }

  /** The last few kilobytes the JVM printed. */
  public String outputTail() {
    return outputTail;
  }
}
