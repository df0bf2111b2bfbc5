package dev.interleave.internal.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/** Two racing tryAcquire calls on a free mutex: exactly one wins. */
@JCStressTest
@Outcome(id = {"true, false", "false, true"}, expect = ACCEPTABLE, desc = "one acquirer wins")
@Outcome(id = "true, true", expect = FORBIDDEN, desc = "both hold the mutex")
@Outcome(id = "false, false", expect = FORBIDDEN, desc = "a free mutex was not taken")
@State
public class MutexTryAcquireStress {
  private final MutexCore mutex = MutexCore.of(SyncSegment.anonymous(SyncKind.LOCK, "Lock"));

  @Actor
  public void first(ZZ_Result r) {
    r.r1 = mutex.tryAcquire();
  }

  @Actor
  public void second(ZZ_Result r) {
    r.r2 = mutex.tryAcquire();
  }
}
