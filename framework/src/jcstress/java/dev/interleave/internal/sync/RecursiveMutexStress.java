package dev.interleave.internal.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two threads of one process each take a recursive mutex twice, increment, and release twice:
 * ownership is per thread, so the sections exclude each other.
 */
@JCStressTest
@Outcome(id = "2, 0", expect = ACCEPTABLE, desc = "both increments, mutex free")
@Outcome(expect = FORBIDDEN, desc = "lost update or mutex left held")
@State
public class RecursiveMutexStress {
  private final MutexCore mutex = MutexCore.of(SyncSegment.anonymous(SyncKind.RLOCK, "RLock"));
  private int counter;

  @Actor
  public void first() {
    section();
  }

  @Actor
  public void second() {
    section();
  }

  private void section() {
    mutex.acquireUninterruptibly();
    mutex.acquireUninterruptibly();
    int seen = counter;
    mutex.release();
    counter = seen + 1;
    mutex.release();
  }

  @Arbiter
  public void arbiter(II_Result r) {
    r.r1 = counter;
    r.r2 = mutex.isLocked() ? 1 : 0;
  }
}
