package dev.interleave.internal.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two threads acquire (blocking) and release a one-permit semaphore, incrementing a plain
 * counter in between: the sections exclude each other and every permit comes back, with no
 * holder left in the slot table.
 */
@JCStressTest
@Outcome(id = "2, 1, 0", expect = ACCEPTABLE, desc = "excluded, permit back, no holder")
@Outcome(expect = FORBIDDEN, desc = "lost update or permit accounting broken")
@State
public class SemaphoreAccountingStress {
  private final SemaphoreCore sem =
      SemaphoreCore.create(SyncSegment.anonymous(SyncKind.SEMAPHORE, "Semaphore"), 1, -1, true);
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
    try {
      sem.acquire(Timeouts.FOREVER);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    counter++;
    sem.release();
  }

  @Arbiter
  public void arbiter(III_Result r) {
    r.r1 = counter;
    r.r2 = (int) sem.value();
    r.r3 = (int) sem.heldByThisProcess();
  }
}
