package dev.interleave.harness;

import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Scheduling points for user code. Outside a harness {@link #point} is a null check and {@link
 * #sleep} a real sleep; under the harness a point is where another process may be scheduled,
 * and a sleep advances virtual time instead of waiting.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Interleave {
  private Interleave() {}

  /**
   * A scheduling point named {@code label}, for example before a file read: {@code
   * Interleave.point("read num.txt")}.
   */
  public static void point(String label) {
    Points.point(Op.USER, null, label);
  }

  /**
   * A scheduling point on a shared {@code object} (a file name, a key): operations on the same
   * object are the ones partial-order strategies consider racing.
   */
  public static void point(String object, String label) {
    Points.point(Op.USER, object, label);
  }

  /**
   * Sleeps for {@code duration}; virtual under controlled scheduling.
   *
   * @throws InterruptedException if interrupted while sleeping for real
   */
  public static void sleep(Duration duration) throws InterruptedException {
    Points.sleep(duration.toNanos());
  }
}
