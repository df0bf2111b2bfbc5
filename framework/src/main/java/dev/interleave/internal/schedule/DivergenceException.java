package dev.interleave.internal.schedule;

/** A replayed schedule went somewhere its record did not: uncontrolled nondeterminism. */
public final class DivergenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int step;

  public DivergenceException(int step, String message) {
    super("replay diverged at step " + step + ": " + message);
    this.step = step;
  }

  /** The step at which the run left its record. */
  public int step() {
    return step;
  }
}
