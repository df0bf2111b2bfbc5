package dev.interleave.internal.harness;

import dev.interleave.internal.schedule.Decisions;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A schedule in text: {@code <seed>:<decisions>[:<draws>]}, for example {@code
 * 42:0.0.1.1.2.1:0}: the run's seed, the process picked at each step, the input draws.
 */
record ReplayToken(long seed, int[] decisions, long[] draws) {

  static ReplayToken parse(String text) {
    String[] parts = text.trim().split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("a replay token must be <seed>:<decisions>[:<draws>]"
          + " but was: " + text);
    }
    long seed = Long.parseLong(parts[0]);
    long[] draws = parts.length == 3 && !parts[2].isBlank()
        ? Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).toArray() : new long[0];
    return new ReplayToken(seed, Decisions.parse(parts[1]), draws);
  }

  String format() {
    String d = Decisions.format(decisions);
    String x = Arrays.stream(draws).mapToObj(Long::toString).collect(Collectors.joining(","));
    return seed + ":" + d + (draws.length == 0 ? "" : ":" + x);
  }
}
