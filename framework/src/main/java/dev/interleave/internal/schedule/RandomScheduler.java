package dev.interleave.internal.schedule;

/**
 * Random walk: a uniformly random runnable process at every step. Cheap and unbiased per step,
 * but bugs needing several well-placed preemptions are found rarely (PCT does better there).
 */
public final class RandomScheduler implements Scheduler {
  private final RecordedRandom random;

  public RandomScheduler(RecordedRandom random) {
    this.random = random;
  }

  @Override
  public int pick(StepView view) {
    return view.runnable().get(random.nextInt(view.runnable().size())).process();
  }
}
