package dev.interleave.harness;

import org.apiguardian.api.API;

/** What a harness test expects of its scenario. */
@API(status = API.Status.EXPERIMENTAL)
public enum Expect {
  /** No schedule violates an invariant, deadlocks, hangs or throws. */
  PASS,
  /**
   * Some schedule shows the bug the test names with {@link InterleaveTest#finding()} and {@link
   * InterleaveTest#invariant()} (by default: any invariant violation). The test fails if no
   * schedule does, or if the first finding is of another kind: a scenario whose body throws a
   * {@code NullPointerException} does not demonstrate a lost update.
   */
  VIOLATION
}
