package dev.interleave.harness;

import org.apiguardian.api.API;

/**
 * Fails an {@link InterleaveTest}: names what was found, the shrunk schedule, the seed and how
 * to replay it ({@code -Dinterleave.replay=<token>} or {@code @InterleaveTest(replay = ...)}).
 */
@API(status = API.Status.EXPERIMENTAL)
public class RaceDetectedError extends AssertionError {
  private static final long serialVersionUID = 1L;
  private final transient Finding finding;
  private final long seed;
  private final String replay;

  /** For the harness. */
  public RaceDetectedError(String message, Finding finding, long seed, String replay) {
    super(message);
    this.finding = finding;
    this.seed = seed;
    this.replay = replay;
  }

  /** What was found. */
  public Finding finding() {
    return finding;
  }

  /** The seed of the run that found it. */
  public long seed() {
    return seed;
  }

  /**
   * The replay token, {@code <seed>:<decisions>:<draws>:<failure>:<steps>}: see {@link
   * InterleaveTest#replay()}.
   */
  public String replay() {
    return replay;
  }
}
