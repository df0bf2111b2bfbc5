package dev.interleave.internal.harness;

import dev.interleave.harness.Expect;
import dev.interleave.harness.Finding;
import dev.interleave.harness.FindingKind;
import dev.interleave.harness.Interleave;
import dev.interleave.harness.InterleaveTest;
import dev.interleave.harness.Run;
import dev.interleave.harness.Scenario;
import dev.interleave.harness.Strategy;

/**
 * Fixtures of expectations, replays and overrides, run through the engine test kit. Their bodies
 * start no process (main alone), so each schedule is cheap.
 */
public final class ExpectationFixtures {
  private ExpectationFixtures() {}

  /** Two points of main, then a final invariant that never holds. */
  static void violates(Run run) {
    Interleave.point("read");
    Interleave.point("write", "state");
    run.finalInvariant("counter == 0", () -> false);
  }

  static void throwsNpe(Run run) {
    Interleave.point("read");
    String missing = System.getProperty("interleave.no.such.property");
    run.outcome(missing.length());
  }

  public static class Expectations {
    @InterleaveTest(schedules = 5, seed = 1, expect = Expect.VIOLATION,
        invariant = "counter == 0")
    void npeIsNotTheExpectedViolation(Scenario s) {
      s.body(ExpectationFixtures::throwsNpe);
    }

    @InterleaveTest(schedules = 5, seed = 1, expect = Expect.VIOLATION,
        finding = FindingKind.DEADLOCK)
    void invariantIsNotTheExpectedDeadlock(Scenario s) {
      s.body(ExpectationFixtures::violates);
    }

    @InterleaveTest(schedules = 5, seed = 1, expect = Expect.VIOLATION,
        invariant = "counter == 0")
    void theNamedInvariantMeetsTheExpectation(Scenario s) {
      s.body(ExpectationFixtures::violates);
      s.verify(r -> {
        if (!(r.findings().get(0) instanceof Finding.InvariantViolated v)
            || !v.invariant().equals("counter == 0")) {
          throw new AssertionError("unexpected findings " + r.findings());
        }
      });
    }

    @InterleaveTest(schedules = 5, seed = 1, expect = Expect.VIOLATION, invariant = "other")
    void anotherInvariantDoesNotMeetIt(Scenario s) {
      s.body(ExpectationFixtures::violates);
    }

    @InterleaveTest(schedules = 3, seed = 1)
    void verifyFailsThePassingTest(Scenario s) {
      s.body(run -> Interleave.point("only"));
      s.verify(r -> {
        throw new AssertionError("explored " + r.schedulesExplored() + " schedules, found "
            + r.findings());
      });
    }

    @InterleaveTest(expect = Expect.PASS, finding = FindingKind.DEADLOCK)
    void passNamingAFinding(Scenario s) {
      s.body(run -> { });
    }
  }

  /** A failure that depends on a static field: the state a schedule does not fix. */
  static class Flaky {
    static volatile boolean fails = true;
    static volatile String label = "read";

    @InterleaveTest(schedules = 3, seed = 5, shrink = false)
    void flaky(Scenario s) {
      s.body(run -> {
        Interleave.point(label);
        Interleave.point("write", "state");
        run.finalInvariant("flaky", () -> !fails);
      });
    }
  }

  public static class Overrides {
    @InterleaveTest(schedules = 2, seed = 11, strategy = Strategy.PCT, pctDepth = 2)
    void seeded(Scenario s) {
      s.body(ExpectationFixtures::violates);
    }
  }
}
