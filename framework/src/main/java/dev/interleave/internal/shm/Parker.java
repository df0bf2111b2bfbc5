package dev.interleave.internal.shm;

/**
 * Blocks a thread until a shared 32-bit word changes, across processes.
 *
 * <p>The contract is the futex one: {@link #await} returns at once if the word no longer holds
 * {@code expected}; otherwise it sleeps until a {@link #wake} on the same word, the timeout, or a
 * spurious wake-up. Callers always re-check their condition in a loop. Implementations: {@link
 * FutexParker} (Linux, through JNA) and {@link PollingParker} (anywhere, with bounded sleeps). A
 * Java 22+ FFM implementation can replace the JNA one behind this interface.
 */
public interface Parker {

  /**
   * Waits while the int at {@code offset} equals {@code expected}, for at most {@code
   * timeoutNanos} (at least 1).
   *
   * @throws InterruptedException if the calling thread is interrupted before or while waiting
   */
  void await(Segment segment, int offset, int expected, long timeoutNanos)
      throws InterruptedException;

  /** Wakes up to {@code count} waiters on the int at {@code offset}. */
  void wake(Segment segment, int offset, int count);

  /**
   * Readies {@code segment} for waits and wakes (for the futex parker, looks up the mapping's
   * native address), so that the first blocking call on it does no set-up.
   */
  default void prepare(Segment segment) {}

  /** The parker for this platform: futex on Linux, polling elsewhere. */
  static Parker system() {
    return Parkers.system();
  }

  /**
   * Whether the platform's parker (and the native library it needs) is loaded. Every segment
   * loads it when it is created or mapped, so that no blocking call pays the load within its
   * timeout.
   */
  static boolean isLoaded() {
    return Parkers.loaded();
  }
}
