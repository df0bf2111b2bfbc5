package dev.interleave.internal.sync;

/**
 * The two words of a waitable condition (see {@link Blocking}), and this JVM's spin budget for
 * it.
 *
 * <p>The budget adapts to whether spinning pays off on this condition in this process, as
 * adaptive mutexes do: a wait that succeeded while spinning restores the full budget ({@link
 * Blocking#MAX_SPIN_NANOS}: hand-offs here are quick, and catching them spinning saves a kernel
 * wake-up), a wait that had to park halves it (spinning only took CPU from the processes that
 * are to signal). Every {@value #PROBE_EVERY}th wait spins the full budget anyway, so that a
 * condition whose waits became short again is noticed. The budget is a hint, read and written
 * without synchronization.
 */
final class WaitWords {
  private final int seqAt;
  private final int waitersAt;
  private final boolean passOn;
  private static final int PROBE_EVERY = 16;

  private long spinNanos = Blocking.MAX_SPIN_NANOS;
  private int waits;

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
    return ++waits % PROBE_EVERY == 0 ? Blocking.MAX_SPIN_NANOS : spinNanos;
  }

  /** Learns from a wait that succeeded, while spinning or after parking. */
  void waited(boolean whileSpinning) {
    spinNanos = whileSpinning ? Blocking.MAX_SPIN_NANOS : spinNanos / 2;
  }
}
