package dev.interleave.harness;

import org.apiguardian.api.API;

/** How the processes of a scenario run. */
@API(status = API.Status.EXPERIMENTAL)
public enum Mode {
  /** Exactly one process runs between scheduling points; a {@link Strategy} picks who. */
  CONTROLLED,
  /** Real parallelism with seeded delays and yields injected at scheduling points. */
  STRESS
}
