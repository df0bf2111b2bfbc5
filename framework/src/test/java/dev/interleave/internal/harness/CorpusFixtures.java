package dev.interleave.internal.harness;

import dev.interleave.harness.Expect;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;

/**
 * Fixture tests run by {@link CorpusTest} through the engine test kit; nested, and named so
 * that neither Surefire's defaults nor {@code -Dtest=Corpus*} run them directly.
 */
public final class CorpusFixtures {
  private CorpusFixtures() {}

  public static class Counter {
    @InterleaveTest(strategy = Strategy.PCT, schedules = 100, seed = 11, pctDepth = 2)
    void racy(Scenario s) {
      s.body(Fixtures::racyCounter);
    }

    @InterleaveTest(strategy = Strategy.PCT, schedules = 100, seed = 11, pctDepth = 2,
        expect = Expect.VIOLATION)
    void expected(Scenario s) {
      s.body(Fixtures::racyCounter);
    }

    @InterleaveTest(strategy = Strategy.PCT, schedules = 5, seed = 3)
    void locked(Scenario s) {
      s.body(Fixtures::lockedCounter);
    }
  }
}
