package dev.interleave.internal.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A plain write published by set() is seen by a thread that observes the event set; a clear()
 * racing with the observation never makes a set event look set without its data.
 */
@JCStressTest
@Outcome(id = {"0, -1", "1, 42"}, expect = ACCEPTABLE, desc = "not yet set, or set with data")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "set seen without the write before it")
@State
public class EventVisibilityStress {
  private final EventCore event = new EventCore(SyncSegment.anonymous(SyncKind.EVENT, "Event"));
  private int data;

  @Actor
  public void publisher() {
    data = 42;
    event.set();
  }

  @Actor
  public void observer(II_Result r) {
    if (event.isSet()) {
      r.r1 = 1;
      r.r2 = data;
    } else {
      r.r1 = 0;
      r.r2 = -1;
    }
  }
}
