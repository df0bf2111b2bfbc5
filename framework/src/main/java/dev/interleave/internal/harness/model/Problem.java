package dev.interleave.internal.harness.model;

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
public record Problem(FindingKind kind, String invariant, String summary, List<WaitEdge> waitFor,
    String threadDump, String stackTrace, String process, String observed) {

  public Problem {
    waitFor = List.copyOf(waitFor);
  }

  public Problem(FindingKind kind, String invariant, String summary, List<WaitEdge> waitFor,
      String threadDump, String stackTrace, String process) {
    this(kind, invariant, summary, waitFor, threadDump, stackTrace, process, null);
  }

  /** One wait-for edge: {@code process} waits for {@code object} held by {@code heldBy}. */
  public record WaitEdge(String process, String object, String heldBy) {}

  public static Problem invariant(String name, String summary) {
    return invariant(name, summary, null);
  }

  /** An invariant violated; {@code observed} is the value it judged, or null. */
  public static Problem invariant(String name, String summary, String observed) {
    return new Problem(FindingKind.INVARIANT, name, summary, List.of(), null, null, null,
        observed);
  }

  public static Problem exception(String process, String summary, String stackTrace) {
    return new Problem(FindingKind.EXCEPTION, null, summary, List.of(), null, stackTrace,
        process);
  }

  public static Problem uncontrolled(String process, String summary) {
    return new Problem(FindingKind.UNCONTROLLED, null, summary, List.of(), null, null, process);
  }

  public static Problem divergence(String summary) {
    return new Problem(FindingKind.DIVERGENCE, null, summary, List.of(), null, null, null);
  }

  /**
   * A replay that did not fail as its token recorded; {@code recorded}, the recorded failure's
   * kind, stands where an invariant's name would.
   */
  public static Problem notReproduced(FindingKind recorded, String summary) {
    return new Problem(FindingKind.NOT_REPRODUCED, recorded.name(), summary, List.of(), null, null,
        null);
  }

  /** Whether {@code other} is the same failure for shrinking: same kind and invariant. */
  public boolean sameAs(Problem other) {
    return other != null && kind == other.kind
        && java.util.Objects.equals(invariant, other.invariant);
  }
}
