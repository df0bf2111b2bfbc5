package dev.interleave.internal.harness.worker;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.PointHandler;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.Go;
import dev.interleave.internal.wire.Message.Kind;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The point handler of a participant (the scenario's main thread, or a worker's task thread):
 * in controlled mode each point reports to the controller and waits for permission; in stress
 * mode it injects a seeded delay or yield instead. Other threads of the JVM pass through.
 */
public abstract class ControlledHandler implements PointHandler {
  private volatile Thread participant;
  private volatile boolean controlled;
  private volatile boolean sites = true;
  private volatile long epoch;
  private SplittableRandom noise = new SplittableRandom(0);
  private volatile String uncontrolled;
  private volatile boolean hangInterrupted;
  private boolean uncontrolledSent;
  private static final long PROGRESS_NANOS = 50_000_000L;
  private long lastProgress;

  /**
   * Makes {@code thread} the participant of schedule {@code epoch}; its points capture their
   * call sites if {@code sites}.
   */
  public final void bind(Thread thread, long epoch, boolean controlled, long noiseSeed,
      boolean sites) {
    this.epoch = epoch;
    this.controlled = controlled;
    this.sites = sites;
    this.noise = new SplittableRandom(noiseSeed);
    this.uncontrolled = null;
    this.uncontrolledSent = false;
    this.participant = thread;
  }

  public final void unbind() {
    participant = null;
  }

  /**
   * Interrupts the participant, hung outside every scheduling point (in a wait the harness
   * cannot see), so that its body can end and the schedule report the hang instead of holding
   * the test forever; {@link #clearHangInterrupt} then clears what is left of it.
   */
  public final void interruptHung() {
    Thread t = participant;
    if (t != null) {
      hangInterrupted = true;
      t.interrupt();
    }
  }

  /** On the participant's thread: clears the interrupt {@link #interruptHung} set, if any. */
  public final void clearHangInterrupt() {
    if (hangInterrupted) {
      hangInterrupted = false;
      Thread.interrupted();
    }
  }

  final long epoch() {
    return epoch;
  }

  /** Sends {@code arrive} to the controller and waits for its answer. */
  protected abstract Go exchange(Arrive arrive);

  /** The call site of the point being reached, if this schedule captures them, else null. */
  private String site() {
    return sites ? CallSite.here() : null;
  }

  private boolean mine() {
    return Thread.currentThread() == participant;
  }

  /**
   * Notes work the harness does not schedule (reported with the participant's next point, at
   * most once per task): a point reached by another thread while a controlled task runs.
   */
  final void uncontrolled(String what) {
    if (controlled && participant != null && uncontrolled == null) {
      uncontrolled = what;
    }
  }

  /** Reports what {@link #uncontrolled} noted, if anything, then exchanges {@code arrive}. */
  private Go ask(Arrive arrive) {
    String what = uncontrolled;
    if (what != null && !uncontrolledSent) {
      uncontrolledSent = true;
      progress(new Arrive(epoch, Kind.UNCONTROLLED, Op.USER.name(), null, what, null, null, -1));
    }
    return exchange(arrive);
  }

  @Override
  public final void point(Op op, String object, String label) {
    if (!mine()) {
      uncontrolled("thread '" + Thread.currentThread().getName() + "' reached a scheduling"
          + " point (" + op + (object == null ? "" : " " + object) + ") outside the harness's"
          + " control: threads started inside a controlled process are not scheduled");
      return;
    }
    if (!controlled) {
      perturb();
      return;
    }
    ask(new Arrive(epoch, Kind.POINT, op.name(), object, label, site(), null, -1));
  }

  @Override
  public final boolean controlsBlocking() {
    return controlled && mine();
  }

  @Override
  public final boolean await(Op op, String object, String label, BooleanSupplier attempt,
      long timeoutNanos, String holder) {
    return awaitHeld(op, object, label, attempt, timeoutNanos, () -> holder);
  }

  @Override
  public final boolean awaitHeld(Op op, String object, String label, BooleanSupplier attempt,
      long timeoutNanos, java.util.function.Supplier<String> holder) {
    String site = site();
    Go go = ask(new Arrive(epoch, Kind.POINT, op.name(), object, label, site, null, -1));
    long deadline = timeoutNanos < 0 ? -1 : go.now() + timeoutNanos;
    while (true) {
      if (attempt.getAsBoolean()) {
        return true;
      }
      go = ask(new Arrive(epoch, Kind.BLOCKED, op.name(), object, label, site, holder.get(),
          deadline));
      if (go.timedOut()) {
        return attempt.getAsBoolean(); // a timed wait tries once more at its deadline
      }
    }
  }

  @Override
  public final void sleep(long nanos) throws InterruptedException {
    if (mine() && controlled) {
      ask(new Arrive(epoch, Kind.SLEEP, Op.SLEEP.name(), null, null, site(), null,
          Math.max(0, nanos)));
      return;
    }
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    }
  }

  /** Tells the controller, without waiting for it, that this process is making progress. */
  protected abstract void progress(Arrive arrive);

  /**
   * Stress mode: a seeded short delay or yield at half of the points, and a progress report at
   * most every {@value #PROGRESS_NANOS} ns, so that liveness is judged by progress at points.
   */
  private void perturb() {
    long now = System.nanoTime();
    if (now - lastProgress >= PROGRESS_NANOS) {
      lastProgress = now;
      progress(new Arrive(epoch, Kind.PROGRESS, Op.USER.name(), null, null, null, null, -1));
    }
    int r = noise.nextInt(8);
    if (r < 2) {
      Thread.yield();
    } else if (r < 4) {
      LockSupport.parkNanos(1_000L * (1 + noise.nextInt(200)));
    }
  }
}
