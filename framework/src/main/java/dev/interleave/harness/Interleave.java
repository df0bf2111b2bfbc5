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
   * A scheduling point named {@code label} before an access to the shared state named {@code
   * key}, for example {@code Interleave.point("read num.txt", file)}. Partial order sampling
   * ({@link Strategy#POS}) considers two operations racing only when they touch the same state
   * and one of them writes; a point with a key touches that key's state (as a write), a point
   * without one may touch anything. Traces and replay tokens show the key.
   *
   * @param key names the state: its {@code toString()} (a file name, a {@code Path}, a record
   *     key) must be the same in every process and every run, so identity-based {@code
   *     toString()}s are not keys
   * @throws IllegalArgumentException if {@code key} is null
   */
  public static void point(String label, Object key) {
    if (key == null) {
      throw new IllegalArgumentException("key must not be null (use point(label) for a point"
          + " that names no state)");
    }
    Points.point(Op.USER, "key:" + key, label);
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
