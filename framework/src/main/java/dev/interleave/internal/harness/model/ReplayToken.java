package dev.interleave.internal.harness.model;

import dev.interleave.internal.schedule.Decisions;
import dev.interleave.report.FindingKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A schedule in text: {@code <seed>:<decisions>[:<draws>[:<failure>:<steps>[:<removed>]]]}, for
 * example
 * {@code 42:0.0.1.1.2.1:0:invariant~5e1f0a2b:AbQx...}: the run's seed, the process picked at each
 * step, the input draws, the failure the schedule showed (its kind, and for an invariant a hash
 * of its name) and a fingerprint of every step ({@link StepPrints}). A replay with the last two
 * checks each step against its record and says when the recorded failure did not reproduce; a
 * token without them (as written by hand) only replays the decisions. The last part, present
 * only when shrinking removed processes, lists them by number ({@code 3,4,7}): they are started
 * as processes that have already exited.
 *
 * @param failure the recorded failure ({@code "deadlock"}, {@code "invariant~<hash>"}), or null
 * @param steps the steps' fingerprints, or null
 * @param removed the processes started as removed, by number; empty if none
 */
public record ReplayToken(long seed, int[] decisions, long[] draws, String failure, String steps,
    int[] removed) {

  public ReplayToken(long seed, int[] decisions, long[] draws, String failure, String steps) {
    this(seed, decisions, draws, failure, steps, new int[0]);
  }

  /** This token with processes {@code ids} removed. */
  public ReplayToken withRemoved(int[] ids) {
    return new ReplayToken(seed, decisions, draws, failure, steps, ids.clone());
  }

  public ReplayToken(long seed, int[] decisions, long[] draws) {
    this(seed, decisions, draws, null, null);
  }

  /** The token of {@code trace} run with {@code draws}, recording {@code problem} if any. */
  public static ReplayToken of(long seed, Trace trace, long[] draws, Problem problem) {
    return new ReplayToken(seed, trace.decisions(), draws, failure(problem),
        StepPrints.of(trace));
  }

  /** How a token names {@code p}; null for what a replay cannot be expected to show again. */
  public static String failure(Problem p) {
    if (p == null || p.kind() == FindingKind.DIVERGENCE
        || p.kind() == FindingKind.NOT_REPRODUCED || "controller".equals(p.process())) {
      return null;
    }
    String kind = p.kind().name().toLowerCase(Locale.ROOT);
    return p.invariant() == null ? kind
        : kind + "~" + Integer.toHexString(p.invariant().hashCode());
  }

  /** The recorded failure's kind, or null if the token records none. */
  public FindingKind failureKind() {
    return failure == null ? null
        : FindingKind.valueOf(failure.replaceFirst("~.*$", "").toUpperCase(Locale.ROOT));
  }

  /** Whether {@code p} is the failure this token recorded. */
  boolean reproducedBy(Problem p) {
    return failure == null || failure.equals(failure(p));
  }

  public static ReplayToken parse(String text) {
    String[] parts = text.trim().split(":", -1);
    if (parts.length < 2 || parts.length > 6 || parts.length == 4) {
      throw new IllegalArgumentException("a replay token must be"
          + " <seed>:<decisions>[:<draws>[:<failure>:<steps>[:<removed>]]] but was: " + text);
    }
    long seed = Long.parseLong(parts[0]);
    long[] draws = parts.length >= 3 && !parts[2].isBlank()
        ? Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).toArray() : new long[0];
    int[] decisions = Decisions.parse(parts[1]);
    if (parts.length == 2 || parts.length == 3) {
      return new ReplayToken(seed, decisions, draws);
    }
    String failure = parts[3].isBlank() ? null : parts[3];
    int[] removed = parts.length == 6 && !parts[5].isBlank()
        ? Arrays.stream(parts[5].split(",")).mapToInt(Integer::parseInt).toArray() : new int[0];
    for (int id : removed) {
      if (id < 1) {
        throw new IllegalArgumentException("a replay token's removed processes must be numbers"
            + " >= 1 but were: " + parts[5]);
      }
    }
    ReplayToken t = new ReplayToken(seed, decisions, draws, failure, parts[4], removed);
    t.failureKind(); // checks the kind's name
    if (parts[4].length() != StepPrints.WIDTH * decisions.length) {
      throw new IllegalArgumentException("a replay token's step fingerprints must be "
          + StepPrints.WIDTH + " characters per decision but were: " + parts[4]);
    }
    return t;
  }

  public String format() {
    String d = Decisions.format(decisions);
    String x = Arrays.stream(draws).mapToObj(Long::toString).collect(Collectors.joining(","));
    if (steps == null) {
      return seed + ":" + d + (draws.length == 0 ? "" : ":" + x);
    }
    String r = Arrays.stream(removed).mapToObj(Integer::toString)
        .collect(Collectors.joining(","));
    return seed + ":" + d + ":" + x + ":" + (failure == null ? "" : failure) + ":" + steps
        + (removed.length == 0 ? "" : ":" + r);
  }
}
