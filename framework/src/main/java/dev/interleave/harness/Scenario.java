package dev.interleave.harness;

import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * What an {@link InterleaveTest} method builds: a body run once per schedule, and grades of the
 * outcomes it may record (jcstress's vocabulary). Implemented only by the harness.
 *
 * <p>Once any grade is declared, an outcome without one is forbidden.
 */
@API(status = API.Status.EXPERIMENTAL)
public interface Scenario {

  /** Sets the body run once per schedule (required). */
  Scenario body(Body body);

  /** Names the scenario in reports (default: the method name). */
  Scenario name(String name);

  /** {@code outcome} is correct. */
  Scenario acceptable(String outcome, String description);

  /** {@code outcome} is correct but worth reporting. */
  Scenario interesting(String outcome, String description);

  /** {@code outcome} is a bug: a schedule ending with it fails the test. */
  Scenario forbidden(String outcome, String description);

  /**
   * Declares that a process of the scenario may end by throwing {@code type} (or a subtype):
   * such an end gives the process exit code 1, as in the runtime, and is not an {@link
   * FindingKind#EXCEPTION} finding. Without it, an uncaught exception in any process is one. The
   * scenario body's own exceptions are always findings: catch what the body expects.
   *
   * @throws IllegalArgumentException if {@code type} is null
   */
  Scenario allowException(Class<? extends Throwable> type);

  /**
   * Declares which processes crash injection ({@link InterleaveTest#crashes()}) may kill, by
   * name ({@code "Process-2"}, or the name given to the process); calls add up. Without it, every
   * process but main may be killed. Main runs in the test JVM and is never killed.
   *
   * @throws IllegalArgumentException if a name is null, blank or {@code "main"}, naming it
   */
  Scenario killable(String... processNames);

  /**
   * Declares that a process of the scenario may exit with {@code exitCode} (for example through
   * {@code System.exit(3)}) without it being a finding.
   *
   * @throws IllegalArgumentException if {@code exitCode} is 0 (always allowed)
   */
  Scenario allowExitCode(int exitCode);

  /**
   * Checks what the exploration found, once it ended (and its failure, if any, was shrunk): for
   * example that a demonstrated deadlock involves two processes. Runs on the test's thread when
   * the harness itself does not fail the test; an {@link AssertionError} or other exception
   * thrown by {@code check} fails the test with that throwable, and the report says so.
   *
   * @throws IllegalArgumentException if {@code check} is null
   */
  Scenario verify(Consumer<ExplorationResult> check);
}
