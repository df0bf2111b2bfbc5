package dev.interleave.internal.harness.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Invariant check counts over all schedules of a test, in first-seen order. */
public final class Tally {
  /** One invariant's counts. */
  public record Counts(String name, boolean state, long checks, long violations) {}

  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private final Map<String, Boolean> kinds = new LinkedHashMap<>();

  synchronized void count(String name, boolean state, boolean held) {
    long[] c = counts.computeIfAbsent(name, k -> new long[2]);
    kinds.putIfAbsent(name, state);
    c[0]++;
    if (!held) {
      c[1]++;
    }
  }

  synchronized List<Counts> snapshot() {
    List<Counts> out = new ArrayList<>();
    counts.forEach((name, c) -> out.add(new Counts(name, kinds.get(name), c[0], c[1])));
    return out;
  }
}
