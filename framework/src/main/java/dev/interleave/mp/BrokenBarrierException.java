package dev.interleave.mp;

import org.apiguardian.api.API;

/**
 * Thrown by {@link Barrier#await()} when the barrier is broken, or breaks while the thread waits:
 * Python's {@code threading.BrokenBarrierError}.
 *
 * <p>A barrier breaks when it is {@linkplain Barrier#abort() aborted} or {@linkplain
 * Barrier#reset() reset} while threads wait, when a wait times out or is interrupted, when the
 * action throws, or when the process running the action dies.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class BrokenBarrierException extends ProcessException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public BrokenBarrierException(String message) {
    super(message);
  }
}
