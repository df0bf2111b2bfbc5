package dev.interleave.harness;

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
}
