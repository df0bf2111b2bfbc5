package dev.interleave.internal.harness;

import dev.interleave.harness.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The draws behind a schedule's generated inputs: random from the schedule's seed, or fixed
 * (replay and shrinking: recorded draws, clamped to each bound, then zeros).
 */
final class ChoiceSource implements Gen.Source {
  private final SplittableRandom random;
  private final long[] fixed;
  private final List<Long> draws = new ArrayList<>();

  private ChoiceSource(SplittableRandom random, long[] fixed) {
    this.random = random;
    this.fixed = fixed;
  }

  static ChoiceSource random(long seed) {
    return new ChoiceSource(new SplittableRandom(seed), null);
  }

  static ChoiceSource fixed(long[] draws) {
    return new ChoiceSource(null, draws.clone());
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

  synchronized long[] draws() {
    return draws.stream().mapToLong(Long::longValue).toArray();
  }
}
