package dev.interleave.internal.harness;

import dev.interleave.report.FindingKind;
import java.util.List;

/**
 * What made one schedule fail, before it becomes a public {@code Finding}.
 *
 * @param kind the finding kind, as in the report schema
 * @param invariant the violated invariant's name, or null
 * @param summary one line
 * @param waitFor a deadlock's wait-for edges, else empty
 * @param threadDump a hang's thread dump, or null
 * @param stackTrace an exception's stack trace, or null
 * @param process the process concerned, or null
 */
record Problem(FindingKind kind, String invariant, String summary, List<WaitEdge> waitFor,
    String threadDump, String stackTrace, String process, String observed) {

  Problem {
    waitFor = List.copyOf(waitFor);
  }

  Problem(FindingKind kind, String invariant, String summary, List<WaitEdge> waitFor,
      String threadDump, String stackTrace, String process) {
    this(kind, invariant, summary, waitFor, threadDump, stackTrace, process, null);
  }

  /** One wait-for edge: {@code process} waits for {@code object} held by {@code heldBy}. */
  record WaitEdge(String process, String object, String heldBy) {}

  static Problem invariant(String name, String summary) {
    return invariant(name, summary, null);
  }

  /** An invariant violated; {@code observed} is the value it judged, or null. */
  static Problem invariant(String name, String summary, String observed) {
    return new Problem(FindingKind.INVARIANT, name, summary, List.of(), null, null, null,
        observed);
  }

  static Problem exception(String process, String summary, String stackTrace) {
    return new Problem(FindingKind.EXCEPTION, null, summary, List.of(), null, stackTrace,
        process);
  }

  static Problem uncontrolled(String process, String summary) {
    return new Problem(FindingKind.UNCONTROLLED, null, summary, List.of(), null, null, process);
  }

  static Problem divergence(String summary) {
    return new Problem(FindingKind.DIVERGENCE, null, summary, List.of(), null, null, null);
  }

  /**
   * A replay that did not fail as its token recorded; {@code recorded}, the recorded failure's
   * kind, stands where an invariant's name would.
   */
  static Problem notReproduced(FindingKind recorded, String summary) {
    return new Problem(FindingKind.NOT_REPRODUCED, recorded.name(), summary, List.of(), null, null,
        null);
  }

  /** Whether {@code other} is the same failure for shrinking: same kind and invariant. */
  boolean sameAs(Problem other) {
    return other != null && kind == other.kind
        && java.util.Objects.equals(invariant, other.invariant);
  }
}
