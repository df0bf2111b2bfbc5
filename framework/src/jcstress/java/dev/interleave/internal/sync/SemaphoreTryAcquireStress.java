package dev.interleave.internal.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZJ_Result;

/**
 * Two racing tryAcquire calls on a semaphore with one permit: exactly one takes it, and the
 * permit is accounted to this process's holder slot.
 */
@JCStressTest
@Outcome(id = {"true, false, 10", "false, true, 10"}, expect = ACCEPTABLE,
    desc = "one permit taken, recorded to this process (held 1, value 0)")
@Outcome(expect = FORBIDDEN, desc = "two permits from one, or accounting lost")
@State
public class SemaphoreTryAcquireStress {
  private final SemaphoreCore sem =
      SemaphoreCore.create(SyncSegment.anonymous(SyncKind.SEMAPHORE, "Semaphore"), 1, -1, true);

  @Actor
  public void first(ZZJ_Result r) {
    r.r1 = sem.tryAcquire();
  }

  @Actor
  public void second(ZZJ_Result r) {
    r.r2 = sem.tryAcquire();
  }

  /** Encodes (held by this process, value) as held * 10 + value. */
  @Arbiter
  public void arbiter(ZZJ_Result r) {
    r.r3 = sem.heldByThisProcess() * 10 + sem.value();
  }
}
