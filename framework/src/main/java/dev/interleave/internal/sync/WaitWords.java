package dev.interleave.internal.sync;

/**
 * The two words of a waitable condition (see {@link Blocking}), and this JVM's spin budget for
 * it.
 *
 * <p>The budget adapts to how long waits on this condition last in this process: a wait that
 * ended sooner than {@link Blocking#MAX_SPIN_NANOS} raises it (spinning would catch such a
 * hand-off without a kernel wake-up), a longer wait halves it (spinning would only take CPU from
 * the processes that are to signal). It is a hint, read and written without synchronization.
 */
final class WaitWords {
  private final int seqAt;
  private final int waitersAt;
  private final boolean passOn;
  private long spinNanos = Blocking.MAX_SPIN_NANOS;

  /**
   * @param seqAt offset of the futex word
   * @param waitersAt offset of the count of parked threads
   * @param passOn whether a waiter that gives up passes a possible wake-up on by bumping {@code
   *     seq} (false when {@code seq} is itself the state, as for an event, whose signal wakes all)
   */
  WaitWords(int seqAt, int waitersAt, boolean passOn) {
    this.seqAt = seqAt;
    this.waitersAt = waitersAt;
    this.passOn = passOn;
  }

  int seqAt() {
    return seqAt;
  }

  int waitersAt() {
    return waitersAt;
  }

  boolean passOn() {
    return passOn;
  }

  /** How long the next waiter spins (with yields) before it parks. */
  long spinNanos() {
    return spinNanos;
  }

  /** Learns from a wait that succeeded after {@code waitedNanos}. */
  void waited(long waitedNanos) {
    long max = Blocking.MAX_SPIN_NANOS;
    long budget = spinNanos;
    spinNanos = waitedNanos < max ? Math.min(max, Math.max(budget, 2 * waitedNanos)) : budget / 2;
  }
}
