package dev.interleave.mp;

import java.util.function.Supplier;

/**
 * The lock of a synchronized {@link Value} or {@link Array}: an {@link RLock}, a {@link Lock},
 * or none. Every access takes it uninterruptibly, as CPython's synchronized wrappers do.
 */
final class Guard {
  private Guard() {}

  /** {@code lock} as given to a factory: true (a new RLock), false (none), a Lock or RLock. */
  static Object of(Object lock) {
    if (Boolean.TRUE.equals(lock)) {
      return new RLock();
    }
    if (Boolean.FALSE.equals(lock)) {
      return null;
    }
    if (lock instanceof Lock || lock instanceof RLock) {
      return lock;
    }
    throw new IllegalArgumentException("lock must be true, false, a Lock or an RLock but was: "
        + ValueType.describe(lock));
  }

  static void enter(Object lock) {
    if (lock instanceof RLock r) {
      Locking.acquireUninterruptibly(r.sync(), r.core());
    } else if (lock instanceof Lock l) {
      Locking.acquireUninterruptibly(l.sync(), l.core());
    }
  }

  static void exit(Object lock) {
    if (lock instanceof RLock r) {
      r.release();
    } else if (lock instanceof Lock l) {
      l.release();
    }
  }

  /** Runs {@code action} holding {@code lock} (if any). */
  static <R> R call(Object lock, Supplier<R> action) {
    enter(lock);
    try {
      return action.get();
    } finally {
      exit(lock);
    }
  }

  /** Runs {@code action} holding {@code lock} (if any). */
  static void run(Object lock, Runnable action) {
    enter(lock);
    try {
      action.run();
    } finally {
      exit(lock);
    }
  }

  /** Acquires {@code lock} (interruptibly) and returns the hold releasing it. */
  static Held hold(Object lock, Object owner) throws InterruptedException {
    if (lock instanceof RLock r) {
      return r.hold();
    }
    if (lock instanceof Lock l) {
      return l.hold();
    }
    throw new IllegalStateException(owner + " was created with lock=false: it has no lock");
  }

  static Object require(Object lock, Object owner) {
    if (lock == null) {
      throw new IllegalStateException(owner + " was created with lock=false: it has no lock");
    }
    return lock;
  }
}
