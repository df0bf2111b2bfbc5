package dev.interleave.internal.schedule;

import java.util.ArrayList;
import java.util.List;

/** The compact text form of a decision list: process numbers joined by dots, "1.0.2.2.1". */
public final class Decisions {
  private Decisions() {}

  public static String format(int[] decisions) {
    StringBuilder sb = new StringBuilder(decisions.length * 2);
    for (int i = 0; i < decisions.length; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(decisions[i]);
    }
    return sb.toString();
  }

  /**
   * Parses {@link #format}'s output.
   *
   * @throws IllegalArgumentException naming the bad element
   */
  public static int[] parse(String text) {
    if (text == null || text.isBlank()) {
      return new int[0];
    }
    String[] parts = text.trim().split("\\.");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("decision " + i + " must be a process number but was: "
            + parts[i], e);
      }
    }
    return out;
  }

  static List<Integer> processes(StepView view) {
    List<Integer> out = new ArrayList<>();
    for (Candidate c : view.runnable()) {
      out.add(c.process());
    }
    return out;
  }
}
