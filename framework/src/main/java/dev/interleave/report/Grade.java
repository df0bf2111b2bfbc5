package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** How a test grades one observed outcome, as declared next to the test. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Grade {
  /** Allowed and unremarkable. */
  ACCEPTABLE,
  /** Allowed, but worth a look: it makes the verdict {@link Verdict#INTERESTING}. */
  INTERESTING,
  /** Not allowed: observing it is a violation. */
  FORBIDDEN
}
