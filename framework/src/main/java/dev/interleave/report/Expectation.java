package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a test declares it expects from exploring its interleavings. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Expectation {
  /** No schedule may violate an invariant, deadlock, hang or throw. */
  PASS,
  /** Some schedule must violate, as in a deliberately racy example. */
  VIOLATION
}
