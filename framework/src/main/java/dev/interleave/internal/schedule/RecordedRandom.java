package dev.interleave.internal.schedule;

import java.util.SplittableRandom;

/**
 * The one source of scheduling randomness of a schedule: seeded, and counting its draws so that
 * a report can say how much randomness a schedule consumed.
 */
public final class RecordedRandom {
  private final long seed;
  private final SplittableRandom random;
  private long draws;

  public RecordedRandom(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** The seed of schedule {@code schedule} of a run seeded with {@code runSeed}. */
  public static long scheduleSeed(long runSeed, long schedule) {
    long z = runSeed + schedule * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform int in {@code [0, bound)}. */
  public int nextInt(int bound) {
    draws++;
    return random.nextInt(bound);
  }

  /** A uniform double in {@code [0, 1)}. */
  public double nextDouble() {
    draws++;
    return random.nextDouble();
  }

  /** A uniform long. */
  public long nextLong() {
    draws++;
    return random.nextLong();
  }

  public long seed() {
    return seed;
  }

  public long draws() {
    return draws;
  }
}
