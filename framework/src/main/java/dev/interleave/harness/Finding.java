package dev.interleave.harness;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What the harness found wrong in a schedule: a closed set, one record per {@link FindingKind}.
 * A test reads it from {@link RaceDetectedError#finding()} when the harness fails it, or from
 * {@link ExplorationResult#findings()} in {@link Scenario#verify}.
 */
@API(status = API.Status.EXPERIMENTAL)
public sealed interface Finding {

  /** One line saying what was found. */
  String summary();

  /** The finding's kind, as an expectation names it. */
  FindingKind kind();

  /**
   * A state or final invariant was false, or a forbidden outcome was seen.
   *
   * @param invariant the invariant's name as registered with {@link Run#invariant} or {@link
   *     Run#finalInvariant}; a forbidden outcome {@code v} is named {@code "outcome v"}
   */
  record InvariantViolated(String invariant, String summary) implements Finding {
    @Override
    public FindingKind kind() {
      return FindingKind.INVARIANT;
    }
  }

  /** Processes wait for each other; {@code cycle} is the wait-for graph (its cycle if any). */
  record Deadlock(String summary, List<WaitFor> cycle) implements Finding {
    public Deadlock {
      cycle = List.copyOf(cycle);
    }

    @Override
    public FindingKind kind() {
      return FindingKind.DEADLOCK;
    }
  }

  /** One wait-for edge: {@code process} waits for {@code object}, held by {@code heldBy}. */
  record WaitFor(String process, String object, String heldBy) {}

  /** A process did not reach its next scheduling point in time; its JVM's thread dump. */
  record Hang(String process, String summary, String threadDump) implements Finding {
    @Override
    public FindingKind kind() {
      return FindingKind.HANG;
    }
  }

  /** A replay left its record: something the harness does not control decided the run. */
  record Divergence(String summary) implements Finding {
    @Override
    public FindingKind kind() {
      return FindingKind.DIVERGENCE;
    }
  }

  /** A process (or the scenario body, as {@code main}) threw, or the harness itself failed. */
  record UncaughtException(String process, String summary, String stackTrace) implements Finding {
    @Override
    public FindingKind kind() {
      return FindingKind.EXCEPTION;
    }
  }

  /**
   * A replayed schedule followed its record step by step but did not fail as the replay token
   * recorded.
   *
   * @param recorded the kind of failure the token recorded
   */
  record NotReproduced(String summary, FindingKind recorded) implements Finding {
    @Override
    public FindingKind kind() {
      return FindingKind.NOT_REPRODUCED;
    }
  }
}
