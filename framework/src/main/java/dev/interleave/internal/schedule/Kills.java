package dev.interleave.internal.schedule;

import java.util.List;

/**
 * The kill draws strategies share (crash injection). A kill is drawn only among the kills a
 * step offers: the controller offers them only while the schedule's crash budget lasts, only
 * of processes other than main, and only of those the scenario declared killable.
 */
final class Kills {
  /** One pick in this many is a kill, when kills are offered (random walk, POS). */
  static final int ODDS = 16;

  private Kills() {}

  /** A kill drawn uniformly among those {@code view} offers; it offers at least one. */
  static int uniform(StepView view, RecordedRandom random) {
    List<Candidate> kills = view.runnable().stream().filter(Candidate::isKill).toList();
    return kills.get(random.nextInt(kills.size())).process();
  }

  /**
   * One pick in {@value #ODDS}, a kill drawn uniformly among those {@code offered} offers, if it
   * offers any; else -1. Draws nothing when no kill is offered.
   */
  static int oneInOdds(StepView offered, StepView plain, RecordedRandom random) {
    if (plain != offered && random.nextInt(ODDS) == 0) {
      return uniform(offered, random);
    }
    return -1;
  }
}
