package dev.interleave.internal.schedule;

/**
 * Random walk: a uniformly random runnable process at every step. Cheap and unbiased per step,
 * but bugs needing several well-placed preemptions are found rarely (PCT does better there).
 * When crash injection offers kills, one pick in {@value #KILL_ODDS} is a uniformly drawn kill.
 */
public final class RandomScheduler implements Scheduler {
  private final RecordedRandom random;

  public RandomScheduler(RecordedRandom random) {
    this.random = random;
  }

  /** One pick in this many is a kill, when kills are offered. */
  static final int KILL_ODDS = 16;

  @Override
  public int pick(StepView view) {
    StepView plain = view.withoutKills();
    if (plain != view && random.nextInt(KILL_ODDS) == 0) {
      java.util.List<Candidate> kills = view.runnable().stream().filter(Candidate::isKill)
          .toList();
      return kills.get(random.nextInt(kills.size())).process();
    }
    return plain.runnable().get(random.nextInt(plain.runnable().size())).process();
  }
}
