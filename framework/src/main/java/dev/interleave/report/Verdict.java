package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The result of one test, judged against what the test {@linkplain Expectation expects}.
 *
 * <p>A test that expects a violation passes when one is found.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Verdict {
  /** The run met the expectation. */
  PASSED,
  /** The run contradicted the expectation: a violation was found, or none where one was due. */
  FAILED,
  /** The harness or the test itself broke before a verdict could be reached. */
  ERROR,
  /** The run met the expectation, but some outcome graded interesting was observed. */
  INTERESTING
}
