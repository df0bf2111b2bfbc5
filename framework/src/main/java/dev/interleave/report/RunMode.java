package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apiguardian.api.API;

/** How the harness drove the processes; written in lower case in JSON. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RunMode {
  /** A scheduler chose every interleaving at scheduling points. */
  @JsonProperty("controlled")
  CONTROLLED,
  /** The processes ran free, repeatedly, as the operating system scheduled them. */
  @JsonProperty("stress")
  STRESS,
  /** One recorded schedule was replayed. */
  @JsonProperty("replay")
  REPLAY
}
