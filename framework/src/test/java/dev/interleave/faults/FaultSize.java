package dev.interleave.faults;

/**
 * How large the fault suite runs: {@code small} in {@code mvn verify} (the default), {@code full}
 * with {@code -Pstress}, from the system property {@code interleave.faults.scale}.
 */
final class FaultSize {
  static final String PROPERTY = "interleave.faults.scale";

  private FaultSize() {}

  /** Whether the suite runs at full size. */
  static boolean full() {
    String scale = System.getProperty(PROPERTY, "small");
    return switch (scale) {
      case "small" -> false;
      case "full" -> true;
      default -> throw new IllegalArgumentException(PROPERTY + " must be small or full but was: "
          + scale);
    };
  }

  /** {@code small} or {@code full}, by the scale. */
  static int pick(int small, int full) {
    return full() ? full : small;
  }

  /** The scale's name, for figures. */
  static String name() {
    return full() ? "full" : "small";
  }
}
