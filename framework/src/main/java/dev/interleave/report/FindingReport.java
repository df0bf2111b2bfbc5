package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One thing a run found wrong, with what is needed to see and reproduce it.
 *
 * @param kind what went wrong
 * @param summary one line saying what was found
 * @param invariant the violated invariant's name for {@link FindingKind#INVARIANT}, else {@code
 *     null}
 * @param firstAtSchedule the number of the schedule (from 1) in which it was first seen
 * @param seed the seed of the run that found it
 * @param replayCommand a command line that replays the counterexample, or {@code null}
 * @param original the schedule as first found, or {@code null} in stress mode
 * @param shrunk a shorter schedule with the same finding, or {@code null} if none was made
 * @param nearestPassing a passing schedule close to the counterexample, or {@code null}
 * @param waitFor the wait-for cycle of a {@link FindingKind#DEADLOCK}; empty otherwise
 * @param threadDump the thread dump of a {@link FindingKind#HANG}, or {@code null}
 * @param stackTrace the stack trace of an {@link FindingKind#EXCEPTION}, or {@code null}
 * @param replay the replay token alone, for example {@code "1:0.1.1.2:8"}, or {@code null}
 * @param cliReplayCommand the command line's replay command ({@code interleave replay ID
 *     --replay TOKEN}) when the test is one of its scenarios, else {@code null}
 * @param nearestPassingChanges how many decisions of the counterexample the nearest passing
 *     schedule changes, or {@code null} if unknown
 * @param observed for an invariant over a value, the value it judged in the counterexample
 *     ({@code "1"} for {@code counter == 0}); for a trace invariant, the step that broke it; else
 *     {@code null}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FindingReport(
    FindingKind kind,
    String summary,
    String invariant,
    long firstAtSchedule,
    long seed,
    String replayCommand,
    ScheduleTrace original,
    ScheduleTrace shrunk,
    ScheduleTrace nearestPassing,
    List<WaitForEdge> waitFor,
    String threadDump,
    String stackTrace,
    String replay,
    String cliReplayCommand,
    Integer nearestPassingChanges,
    String observed) {

  /** Checks the arguments and copies the list. */
  public FindingReport {
    Checks.required("kind", kind);
    Checks.required("summary", summary);
    Checks.nonNegative("firstAtSchedule", firstAtSchedule);
    waitFor = Checks.list("waitFor", waitFor);
  }

  /** A finding without an observed value (every kind but some invariant violations). */
  public FindingReport(FindingKind kind, String summary, String invariant, long firstAtSchedule,
      long seed, String replayCommand, ScheduleTrace original, ScheduleTrace shrunk,
      ScheduleTrace nearestPassing, List<WaitForEdge> waitFor, String threadDump,
      String stackTrace, String replay, String cliReplayCommand, Integer nearestPassingChanges) {
    this(kind, summary, invariant, firstAtSchedule, seed, replayCommand, original, shrunk,
        nearestPassing, waitFor, threadDump, stackTrace, replay, cliReplayCommand,
        nearestPassingChanges, null);
  }

  /** A finding of schema version 1: no replay token, command-line command or distance. */
  public FindingReport(FindingKind kind, String summary, String invariant, long firstAtSchedule,
      long seed, String replayCommand, ScheduleTrace original, ScheduleTrace shrunk,
      ScheduleTrace nearestPassing, List<WaitForEdge> waitFor, String threadDump,
      String stackTrace) {
    this(kind, summary, invariant, firstAtSchedule, seed, replayCommand, original, shrunk,
        nearestPassing, waitFor, threadDump, stackTrace, null, null, null, null);
  }

  /** The schedule to show: the {@linkplain #shrunk() shrunk} one if any, else the original. */
  @JsonIgnore
  public ScheduleTrace counterexample() {
    return shrunk != null ? shrunk : original;
  }
}
