package dev.interleave.harness;

import java.util.List;
import org.apiguardian.api.API;

/** What the harness found wrong in a schedule: a closed set. */
@API(status = API.Status.EXPERIMENTAL)
public sealed interface Finding {

  /** One line saying what was found. */
  String summary();

  /** A state or final invariant was false, or a forbidden outcome was seen. */
  record InvariantViolated(String invariant, String summary) implements Finding {}

  /** Every live process was blocked; {@code cycle} is the wait-for graph (its cycle if any). */
  record Deadlock(String summary, List<WaitFor> cycle) implements Finding {
    public Deadlock {
      cycle = List.copyOf(cycle);
    }
  }

  /** One wait-for edge: {@code process} waits for {@code object}, held by {@code heldBy}. */
  record WaitFor(String process, String object, String heldBy) {}

  /** A process did not reach its next scheduling point in time; its JVM's thread dump. */
  record Hang(String process, String summary, String threadDump) implements Finding {}

  /** A replay left its record: something the harness does not control decided the run. */
  record Divergence(String summary) implements Finding {}

  /** The scenario body (or the harness itself) threw. */
  record UncaughtException(String process, String summary, String stackTrace) implements Finding {}
}
