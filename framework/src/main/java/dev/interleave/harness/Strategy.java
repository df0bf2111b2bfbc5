package dev.interleave.harness;

import org.apiguardian.api.API;

/** How controlled mode picks the next process at each scheduling point. */
@API(status = API.Status.EXPERIMENTAL)
public enum Strategy {
  /** A uniformly random runnable process at every point. */
  RANDOM,
  /** Probabilistic concurrency testing: random priorities with {@code pctDepth - 1} change points. */
  PCT,
  /** Partial order sampling: random priorities per operation, refreshed for racing operations. */
  POS,
  /** Every schedule up to {@code preemptionBound} preemptions, saying when that space is exhausted. */
  EXHAUSTIVE
}
