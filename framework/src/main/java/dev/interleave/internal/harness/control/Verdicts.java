package dev.interleave.internal.harness.control;

import dev.interleave.harness.Expect;
import dev.interleave.harness.FindingKind;
import dev.interleave.harness.RaceDetectedError;
import dev.interleave.internal.harness.model.Problem;
import dev.interleave.internal.harness.options.OptionsReader;
import dev.interleave.internal.harness.options.RunOptions;
import dev.interleave.report.Grade;
import dev.interleave.report.Verdict;

/**
 * Judges an exploration against the test's expectation, and fails the test if it must. A test
 * expecting a violation is met only by a finding of the kind it names (and, for an invariant,
 * of the invariant it names); any other finding fails it with that finding's own message.
 */
public final class Verdicts {
  /**
   * A verdict and why.
   *
   * @param thrown what the scenario's own verify check threw, or null
   */
  public record Judgement(Verdict verdict, String reason, Throwable thrown) {
    Judgement(Verdict verdict, String reason) {
      this(verdict, reason, null);
    }
  }

  private Verdicts() {}

  public static Judgement judge(Exploration e, ScenarioSpec spec) {
    Judgement j = harness(e, spec);
    if (spec.verifier() == null
        || (j.verdict() != Verdict.PASSED && j.verdict() != Verdict.INTERESTING)) {
      return j;
    }
    try {
      spec.verifier().accept(Findings.result(e));
      return j;
    } catch (AssertionError | RuntimeException t) {
      return new Judgement(Verdict.FAILED, "the scenario's verify check failed: " + t, t);
    }
  }

  private static Judgement harness(Exploration e, ScenarioSpec spec) {
    Counterexample c = e.failure();
    RunOptions o = e.options();
    boolean expectViolation = o.expect() == Expect.VIOLATION;
    if (c != null && "controller".equals(c.problem().process())) {
      return new Judgement(Verdict.ERROR, c.problem().summary());
    }
    if (c != null) {
      String found = c.problem().summary() + " (schedule " + c.firstAt() + ")"
          + (e.explored() > c.firstAt() ? "; " + e.failing() + " of " + e.explored()
              + " schedules failed" : "")
          + e.pct().map(b -> "; " + b.describeOne()).orElse(""); // how likely one was
      if (!expectViolation) {
        return new Judgement(Verdict.FAILED, found);
      }
      return meets(o, c.problem())
          ? new Judgement(Verdict.PASSED, "the expected violation was found: " + found)
          : new Judgement(Verdict.FAILED, "expected " + expected(o) + " but found: " + found);
    }
    String space = e.explored() + " schedules"
        + (e.reduction() == null ? "" : e.reduction().describe())
        + (e.exhausted() ? " (the space is exhausted)" : "")
        + e.pct().map(b -> "; " + b.describe()).orElse("");
    if (expectViolation) {
      return new Judgement(Verdict.FAILED, "expected " + expected(o) + " but none was found in "
          + space);
    }
    for (String outcome : e.outcomes().keySet()) {
      if (spec.grade(outcome).grade() == Grade.INTERESTING) {
        return new Judgement(Verdict.INTERESTING, "interesting outcome '" + outcome
            + "' was observed");
      }
    }
    return new Judgement(Verdict.PASSED, "no violation in " + space);
  }

  /** Whether {@code p} is the violation {@code o} expects. */
  static boolean meets(RunOptions o, Problem p) {
    return Findings.kind(p.kind()) == o.finding() && (o.finding() != FindingKind.INVARIANT
        || o.invariant().isEmpty() || o.invariant().equals(p.invariant()));
  }

  /** The expected violation in words: "a deadlock", "a violation of invariant 'x'". */
  static String expected(RunOptions o) {
    return switch (o.finding()) {
      case INVARIANT -> o.invariant().isEmpty() ? "an invariant violation"
          : "a violation of invariant '" + o.invariant() + "'";
      case DEADLOCK -> "a deadlock";
      case HANG -> "a hang";
      case DIVERGENCE -> "a divergence";
      case EXCEPTION -> "an uncaught exception";
      case NOT_REPRODUCED -> "a failure that does not reproduce";
      case UNCONTROLLED -> "work the harness does not control";
    };
  }

  /** Throws the test's failure, if the judgement is one. */
  public static void enforce(Exploration e, Judgement j) {
    if (j.verdict() != Verdict.FAILED && j.verdict() != Verdict.ERROR) {
      return;
    }
    if (j.thrown() instanceof AssertionError a) {
      throw a;
    }
    if (j.thrown() instanceof RuntimeException r) {
      throw r;
    }
    if (j.thrown() != null) {
      throw new AssertionError(j.reason(), j.thrown());
    }
    Counterexample c = e.failure();
    if (c == null) {
      throw new AssertionError(j.reason() + " (strategy " + OptionsReader.describe(e.options())
          + ")");
    }
    String message = FailureMessage.of(e, c);
    if (e.options().expect() == Expect.VIOLATION && j.verdict() == Verdict.FAILED) {
      message += "\n  expected instead: " + expected(e.options()) + " (expect = VIOLATION, finding"
          + " = " + e.options().finding() + (e.options().invariant().isEmpty() ? ""
              : ", invariant = \"" + e.options().invariant() + "\"") + ")";
    }
    throw new RaceDetectedError(message, Findings.toPublic(c.problem()), c.seed(),
        c.replay().format());
  }
}
