package dev.interleave.internal.harness.control;

import dev.interleave.harness.Mode;
import dev.interleave.internal.harness.model.ReplayToken;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.report.FindingKind;
import dev.interleave.report.Verdict;

/**
 * The regression corpus in a test's run: its saved tokens replayed, under control, before new
 * exploration, and the token of an unexpected failure saved after it.
 */
public final class CorpusReplays {
  private CorpusReplays() {}

  /**
   * Replays every token of {@code corpus} in file order. The first that still fails ends the
   * replays: its exploration (one schedule) is returned, its finding saying it came from the
   * corpus. A token that no longer fails is a regression guard that held; one that no longer
   * replays (the test changed) is named in a warning on stderr. Returns null if no token failed.
   */
  public static Exploration replay(Corpus corpus, WorkerPool pool, ScenarioSpec scenario,
      RunOptions options) throws InterruptedException {
    for (Corpus.Entry entry : corpus.entries()) {
      Exploration e = new Explorer(pool, scenario, controlled(options, entry.token())).explore();
      Counterexample c = e.failure();
      if (c == null || c.problem().kind() == FindingKind.NOT_REPRODUCED) {
        continue;
      }
      if (c.problem().kind() == FindingKind.DIVERGENCE) {
        corpus.warn(entry.line(), "no longer replays (the test changed): " + c.problem().summary()
            + "; the token is kept and exploration goes on");
        continue;
      }
      return fromCorpus(e, c, corpus.file() + ", line " + entry.line());
    }
    return null;
  }

  /**
   * Saves the shrunk token of {@code e}'s failure if the judgement fails the test on it (an
   * expected violation is not a regression) and its schedule was recorded.
   */
  public static void save(Corpus corpus, Exploration e, Verdicts.Judgement judgement) {
    Counterexample c = e.failure();
    if (c == null || judgement.verdict() != Verdict.FAILED || e.options().replay() != null
        || ReplayToken.failure(c.problem()) == null || c.shrunk().trace().steps().isEmpty()) {
      return;
    }
    corpus.save(c.replay());
    System.err.println("interleave: the failing schedule's replay token is saved in the"
        + " regression corpus " + corpus.file());
  }

  private static RunOptions controlled(RunOptions o, ReplayToken token) {
    return new RunOptions(o.strategy(), Mode.CONTROLLED, o.schedules(), token.seed(),
        o.pctDepth(), o.preemptionBound(), o.timeoutMillis(), o.expect(), o.finding(),
        o.invariant(), o.shrink(), token, o.maxSteps(), o.crashes(), o.reduce());
  }

  private static Exploration fromCorpus(Exploration e, Counterexample c, String where) {
    Counterexample noted = new Counterexample(Explorer.note(c.problem(), "replayed from the"
        + " regression corpus " + where), c.firstAt(), c.original(), c.shrunk(),
        c.nearestPassing(), c.seed(), c.shrinking());
    return new Exploration(e.options(), e.planned(), e.explored(), e.exhausted(),
        e.elapsedMillis(), e.outcomes(), e.invariants(), noted, e.pct(), e.failing(),
        e.reduction(), e.steps());
  }
}
