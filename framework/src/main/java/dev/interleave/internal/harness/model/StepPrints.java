package dev.interleave.internal.harness.model;

import java.util.List;

/**
 * Fingerprints of a schedule's steps, as a replay token carries them: two characters per step
 * hashing what the step was (operation, object, label) and which processes could run, so that a
 * replay can check every step against its record (a changed step goes unnoticed with
 * probability 1/4096). Sites (line numbers) are left out: they are not behaviour.
 */
public final class StepPrints {
  /** Characters per step. */
  static final int WIDTH = 2;
  private static final String DIGITS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private StepPrints() {}

  static String of(Trace trace) {
    StringBuilder sb = new StringBuilder(trace.steps().size() * WIDTH);
    for (Step s : trace.steps()) {
      sb.append(of(s.op(), s.object(), s.label(), s.runnable()));
    }
    return sb.toString();
  }

  /** One step's fingerprint. */
  public static String of(String op, String object, String label, List<Integer> runnable) {
    String text = op + '\u0000' + object + '\u0000' + label + '\u0000' + runnable;
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 29;
    return "" + DIGITS.charAt((int) (h & 63)) + DIGITS.charAt((int) ((h >>> 6) & 63));
  }

  /** Step {@code step}'s fingerprint in {@code prints}. */
  public static String at(String prints, int step) {
    return prints.substring(step * WIDTH, step * WIDTH + WIDTH);
  }
}
