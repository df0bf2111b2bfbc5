package dev.interleave.internal.harness.control;

import dev.interleave.harness.Gen;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The inputs of a schedule: the draws behind its generated values, random from the schedule's
 * seed or fixed (replay and shrinking: recorded draws, clamped to each bound, then zeros), the
 * spans of draws that build one element of a collection (which shrinking may delete), and the
 * processes shrinking removed (started as processes that have already exited).
 */
final class ChoiceSource implements Gen.Source {
  private static final int[] NONE = new int[0];
  private final SplittableRandom random;
  private final long[] fixed;
  private final int[] removed;
  private final List<Long> draws = new ArrayList<>();
  private final Deque<Integer> open = new ArrayDeque<>();
  private final List<int[]> spans = new ArrayList<>();
  private final java.util.Set<Integer> applied = new java.util.TreeSet<>();

  private ChoiceSource(SplittableRandom random, long[] fixed, int[] removed) {
    this.random = random;
    this.fixed = fixed;
    this.removed = removed.clone();
    Arrays.sort(this.removed);
  }

  static ChoiceSource random(long seed) {
    return new ChoiceSource(new SplittableRandom(seed), null, NONE);
  }

  static ChoiceSource fixed(long[] draws) {
    return fixed(draws, NONE);
  }

  /** Recorded draws, with processes {@code removed} (ids from 1) started as removed. */
  static ChoiceSource fixed(long[] draws, int[] removed) {
    return new ChoiceSource(null, draws.clone(), removed);
  }

  @Override
  public synchronized long draw(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be > 0 but was: " + bound);
    }
    int i = draws.size();
    long v;
    if (fixed != null) {
      v = i < fixed.length ? Math.min(Math.max(0, fixed[i]), bound - 1) : 0;
    } else {
      v = random.nextLong(bound);
    }
    draws.add(v);
    return v;
  }

  @Override
  public synchronized void startSpan() {
    open.push(draws.size());
  }

  @Override
  public synchronized void endSpan(boolean deletable) {
    if (open.isEmpty()) {
      throw new IllegalStateException("endSpan without a matching startSpan");
    }
    int start = open.pop();
    if (deletable && draws.size() > start) {
      spans.add(new int[] {start, draws.size()});
    }
  }

  synchronized long[] draws() {
    return draws.stream().mapToLong(Long::longValue).toArray();
  }

  /** The deletable spans, as {@code [start, end)} draw indices, in the order they closed. */
  synchronized List<int[]> spans() {
    return List.copyOf(spans);
  }

  /** The processes that were started as removed, by id, ascending. */
  synchronized int[] removed() {
    return applied.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Notes that process {@code id} was started as removed. */
  synchronized void applied(int id) {
    applied.add(id);
  }

  /** Whether process {@code id} is to be started as removed. */
  boolean removes(int id) {
    return Arrays.binarySearch(removed, id) >= 0;
  }
}
