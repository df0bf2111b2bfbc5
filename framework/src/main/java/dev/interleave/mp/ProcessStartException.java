package dev.interleave.mp;

import java.util.List;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A child JVM could not be launched, or exited before it reached the runtime's bootstrap.
 *
 * <p>Carries what is needed to diagnose it: the command line, the exit code (when the JVM ran
 * at all) and the tail of what it printed.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ProcessStartException extends ProcessException {
  private static final long serialVersionUID = 1L;

  private final List<String> command;
  private final Integer exitCode;
  private final String outputTail;

  /** Creates the exception; {@code exitCode} is null when the JVM could not be executed. */
  public ProcessStartException(String what, List<String> command, Integer exitCode,
      String outputTail, Throwable cause) {
    super(what + "\n  command: " + String.join(" ", command)
        + "\n  exit code: " + (exitCode == null ? "none (not started)" : exitCode)
        + "\n  output tail:\n" + indent(outputTail), cause);
    this.command = List.copyOf(command);
    this.exitCode = exitCode;
    this.outputTail = outputTail;
  }

  /** The public form of the runtime's launch failure. */
  static ProcessStartException from(dev.interleave.internal.runtime.LaunchException e) {
    return new ProcessStartException(e.what(), e.command(), e.exitCode(), e.outputTail(),
        e.getCause() != null ? e.getCause() : e);
  }

  private static String indent(String text) {
    return text.isEmpty() ? "    (nothing)" : "    " + text.strip().replace("\n", "\n    ");
  }

  /** The command line of the child JVM. */
  public List<String> command() {
    return command;
  }

  /** The child's exit code, empty when it never ran. */
  public OptionalInt exitCode() {
    return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
  }

  /** The last few kilobytes the child printed on stdout and stderr. */
  public String outputTail() {
    return outputTail;
  }
}
