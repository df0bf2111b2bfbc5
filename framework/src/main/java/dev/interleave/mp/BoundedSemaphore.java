package dev.interleave.mp;

import dev.interleave.internal.sync.SyncSegment;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import org.apiguardian.api.API;

/**
 * A semaphore that cannot be released above its initial value, as CPython's {@code
 * multiprocessing.BoundedSemaphore}: such a release is an error, which catches a release without
 * a matching acquire.
 *
 * <p>Otherwise it is a {@link Semaphore}, with the same blocking, fairness, interruption,
 * dead-holder and memory-consistency behaviour; pass it to children as a {@link Process}
 * argument: every copy is the same semaphore.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class BoundedSemaphore extends Semaphore {
  private static final long serialVersionUID = 1L;

  /** A bounded semaphore with one permit (Python's default value). */
  public BoundedSemaphore() {
    this(1);
  }

  /**
   * A bounded semaphore with {@code permits} permits, which is also its bound.
   *
   * @throws IllegalArgumentException if {@code permits} is negative
   */
  public BoundedSemaphore(int permits) {
    super(permits, true, true);
  }

  private BoundedSemaphore(int permits, boolean tracked) {
    super(permits, true, tracked);
  }

  /**
   * A bounded semaphore whose permits are never recovered from a process that dies holding
   * them (see {@link Semaphore#withoutRecovery}).
   *
   * @throws IllegalArgumentException if {@code permits} is negative
   */
  public static BoundedSemaphore withoutRecovery(int permits) {
    return new BoundedSemaphore(permits, false);
  }

  BoundedSemaphore(SyncSegment sync) {
    super(sync);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a BoundedSemaphore is deserialized through its serial form");
  }
}
