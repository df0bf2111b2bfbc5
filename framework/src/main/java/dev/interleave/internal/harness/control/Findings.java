package dev.interleave.internal.harness.control;

import dev.interleave.harness.ExplorationResult;
import dev.interleave.harness.Finding;
import dev.interleave.harness.FindingKind;
import dev.interleave.internal.harness.model.Problem;
import java.util.List;

/** Maps internal problems onto the public closed set of findings. */
final class Findings {
  private Findings() {}

  static Finding toPublic(Problem p) {
    return switch (p.kind()) {
      case INVARIANT -> new Finding.InvariantViolated(p.invariant(), p.summary());
      case DEADLOCK -> new Finding.Deadlock(p.summary(), edges(p));
      case HANG -> new Finding.Hang(p.process(), p.summary(), p.threadDump());
      case DIVERGENCE -> new Finding.Divergence(p.summary());
      case EXCEPTION -> new Finding.UncaughtException(p.process(), p.summary(), p.stackTrace());
      case UNCONTROLLED -> new Finding.Uncontrolled(p.process(), p.summary());
      case NOT_REPRODUCED -> new Finding.NotReproduced(p.summary(),
          FindingKind.valueOf(p.invariant()));
    };
  }

  /** The public kind of {@code k}, a problem's kind as the report names it. */
  static FindingKind kind(dev.interleave.report.FindingKind k) {
    return FindingKind.valueOf(k.name());
  }

  private static List<Finding.WaitFor> edges(Problem p) {
    return p.waitFor().stream()
        .map(e -> new Finding.WaitFor(e.process(), e.object(), e.heldBy())).toList();
  }

  /** What a test can read of exploration {@code e}. */
  static ExplorationResult result(Exploration e) {
    List<Finding> found = e.failure() == null ? List.of()
        : List.of(toPublic(e.failure().problem()));
    return new ExplorationResult(found, e.explored(), e.exhausted(), e.options().seed(),
        e.pct(), e.outcomes(), e.failing());
  }

  /** The finding's headline, as the failure message's first line. */
  static String headline(Problem p) {
    return switch (p.kind()) {
      case INVARIANT -> "Invariant '" + p.invariant() + "' violated: " + p.summary();
      case DEADLOCK -> "Deadlock: " + p.summary().replaceFirst("^deadlock: ", "");
      case HANG -> "Hang: " + p.summary();
      case DIVERGENCE -> "Divergence: " + p.summary();
      case EXCEPTION -> "Exception: " + p.summary();
      case NOT_REPRODUCED -> "Not reproduced: " + p.summary();
      case UNCONTROLLED -> "Uncontrolled: " + p.summary();
    };
  }
}
