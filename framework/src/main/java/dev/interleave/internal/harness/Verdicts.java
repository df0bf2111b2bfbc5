package dev.interleave.internal.harness;

import dev.interleave.harness.Expect;
import dev.interleave.harness.RaceDetectedError;

/** Judges an exploration against the test's expectation, and fails the test if it must. */
final class Verdicts {
  /** The verdicts of the report schema. */
  enum Verdict { PASSED, FAILED, ERROR, INTERESTING }

  /** A verdict and why. */
  record Judgement(Verdict verdict, String reason) {}

  private Verdicts() {}

  static Judgement judge(Exploration e, ScenarioSpec spec) {
    Counterexample c = e.failure();
    boolean expectViolation = e.options().expect() == Expect.VIOLATION;
    if (c != null && "controller".equals(c.problem().process())) {
      return new Judgement(Verdict.ERROR, c.problem().summary());
    }
    if (c != null) {
      return new Judgement(expectViolation ? Verdict.PASSED : Verdict.FAILED,
          (expectViolation ? "the expected violation was found: " : "")
              + c.problem().summary() + " (schedule " + c.firstAt() + ")");
    }
    if (expectViolation) {
      return new Judgement(Verdict.FAILED, "expected a violation but none was found in "
          + e.explored() + " schedules" + (e.exhausted() ? " (the space is exhausted)" : ""));
    }
    for (String outcome : e.outcomes().keySet()) {
      if (spec.grade(outcome).grade() == ScenarioSpec.Grade.INTERESTING) {
        return new Judgement(Verdict.INTERESTING, "interesting outcome '" + outcome
            + "' was observed");
      }
    }
    return new Judgement(Verdict.PASSED, "no violation in " + e.explored() + " schedules"
        + (e.exhausted() ? " (the space is exhausted)" : ""));
  }

  /** Throws the test's failure, if the judgement is one. */
  static void enforce(Exploration e, Judgement j) {
    if (j.verdict() != Verdict.FAILED && j.verdict() != Verdict.ERROR) {
      return;
    }
    Counterexample c = e.failure();
    if (c == null) {
      throw new AssertionError(j.reason() + " (strategy " + OptionsReader.describe(e.options())
          + ")");
    }
    throw new RaceDetectedError(FailureMessage.of(e, c), Findings.toPublic(c.problem()),
        c.seed(), c.replay().format());
  }
}
