package dev.interleave.harness;

import org.apiguardian.api.API;

/** What a harness test expects of its scenario. */
@API(status = API.Status.EXPERIMENTAL)
public enum Expect {
  /** No schedule violates an invariant, deadlocks, hangs or throws. */
  PASS,
  /** Some schedule does (a demonstration of a race); the test fails if none is found. */
  VIOLATION
}
