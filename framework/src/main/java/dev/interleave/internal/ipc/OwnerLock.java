package dev.interleave.internal.ipc;

import dev.interleave.internal.shm.Segment;

/**
 * A cross-process mutex whose word names its holder, so that a holder killed while holding it
 * never blocks the others for good.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                 Owner token (pid, start), 0 = free            |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Release event count (sequence, sleepers)      |
 * |                                                               |
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Acquiring is one compare-and-set of the owner word from 0 to this process's {@link
 * OwnerToken}. A waiter whose wait slice ends with the lock still held checks whether the holder
 * still runs; if not, it takes the lock over with a compare-and-set from the dead token (so two
 * waiters cannot both steal it) and reports the takeover, so that the caller can repair what
 * the dead holder left half done. Threads of one process share a token: the lock excludes them
 * from each other too, but a holder's thread is never considered dead. Not reentrant.
 */
final class OwnerLock {
  static final int SIZE = 16;

  /** The outcome of an acquisition. */
  enum Acquired {
    /** Not acquired (timeout or contended try). */
    NO,
    /** Acquired from a free lock. */
    YES,
    /** Acquired from a holder that had died; its work may be half done. */
    RECOVERED
  }

  private final long owner; // in the mapping that {@code released} keeps alive
  private final EventCount released;
  private final String name;

  OwnerLock(Segment segment, int offset, String name) {
    this.owner = Mem.base(segment) + offset;
    this.released = new EventCount(segment, offset + 8);
    this.name = name;
  }

  /** One attempt, without waiting; also takes over from a holder known to be dead. */
  Acquired tryLock(boolean checkHolder) {
    if (Mem.casLong(owner, 0, OwnerToken.self())) {
      return Acquired.YES;
    }
    if (checkHolder) {
      long holder = Mem.getLongVolatile(owner);
      if (holder != 0 && !OwnerToken.isAlive(holder)
          && Mem.casLong(owner, holder, OwnerToken.self())) {
        return Acquired.RECOVERED;
      }
    }
    return Acquired.NO;
  }

  /** Waits for the lock until {@code deadline}. */
  Acquired lock(long deadline) throws InterruptedException {
    while (true) {
      Acquired a = tryLock(false);
      if (a != Acquired.NO) {
        return a;
      }
      if (!released.await(this::isFree, deadline, this::holderDead)) {
        a = tryLock(true);
        if (a != Acquired.NO || Deadlines.passed(deadline)) {
          return a;
        }
      }
    }
  }

  private boolean holderDead() {
    long holder = holder();
    return holder != 0 && !OwnerToken.isAlive(holder);
  }

  void unlock() {
    Mem.putLongVolatile(owner, 0);
    released.signal();
  }

  boolean isFree() {
    return Mem.getLongVolatile(owner) == 0;
  }

  /** The holder's token, 0 when free. */
  long holder() {
    return Mem.getLongVolatile(owner);
  }

  @Override
  public String toString() {
    return name + " held by " + OwnerToken.describe(holder());
  }
}
