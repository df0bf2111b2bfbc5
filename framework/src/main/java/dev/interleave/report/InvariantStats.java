package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How often one invariant was checked and how often it failed, over all explored schedules.
 *
 * @param name the invariant as the test names it, for example {@code "final counter == 0"}
 * @param kind when it is checked
 * @param checks how many times it was evaluated
 * @param violations how many of those evaluations were false
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InvariantStats(String name, InvariantKind kind, long checks, long violations) {

  /** Checks the arguments. */
  public InvariantStats {
    Checks.required("name", name);
    Checks.required("kind", kind);
    Checks.nonNegative("checks", checks);
    Checks.nonNegative("violations", violations);
  }
}
