package dev.interleave.harness;

import org.apiguardian.api.API;

/** A scenario's body, run once per schedule on the test's thread as the process {@code main}. */
@API(status = API.Status.EXPERIMENTAL)
@FunctionalInterface
public interface Body {
  /** Runs one schedule: create fresh primitives and files, start and join processes. */
  void run(Run run) throws Exception;
}
