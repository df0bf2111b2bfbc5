package dev.interleave.internal.schedule;

/**
 * Random walk: a uniformly random runnable process at every step. Cheap and unbiased per step,
 * but bugs needing several well-placed preemptions are found rarely (PCT does better there).
 * When crash injection offers kills, one pick in {@value Kills#ODDS} is a uniformly drawn kill.
 */
public final class RandomScheduler implements Scheduler {
  private final RecordedRandom random;

  public RandomScheduler(RecordedRandom random) {
    this.random = random;
  }

  @Override
  public int pick(StepView view) {
    StepView plain = view.withoutKills();
    int kill = Kills.oneInOdds(view, plain, random);
    return kill >= 0 ? kill
        : plain.runnable().get(random.nextInt(plain.runnable().size())).process();
  }
}
