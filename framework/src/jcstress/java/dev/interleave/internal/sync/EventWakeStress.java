package dev.interleave.internal.sync;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/** A thread waiting on an event (spinning or parked on the futex) is woken by set(). */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter woke up")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "the wake-up was lost")
@State
public class EventWakeStress {
  private final EventCore event = new EventCore(SyncSegment.anonymous(SyncKind.EVENT, "Event"));

  @Actor
  public void waiter() throws InterruptedException {
    event.await(Timeouts.FOREVER);
  }

  @Signal
  public void setter() {
    event.set();
  }
}
