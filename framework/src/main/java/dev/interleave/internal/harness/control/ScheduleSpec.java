package dev.interleave.internal.harness.control;

import java.time.Duration;

/**
 * The fixed settings of one schedule.
 *
 * @param epoch the schedule's number on the control channel (never reused by a pool)
 * @param controlled controlled (true) or stress (false)
 * @param hangTimeout how long a running process may take to reach its next point
 * @param maxSteps the step budget of one schedule
 * @param main the test JVM's point handler
 * @param run the scenario run, whose state invariants are checked after each step
 * @param ends the ends of processes the scenario declared expected: an uncaught exception or
 *     exit code they allow is no finding
 * @param crashes how many processes the schedule may kill at scheduling points
 * @param killable the names of the processes it may kill; empty for every process but main
 */
record ScheduleSpec(long epoch, boolean controlled, Duration hangTimeout, int maxSteps,
    MainHandler main, RunContext run, ExpectedEnds ends, int crashes,
    java.util.Set<String> killable) {

  /** A schedule whose crashes may kill every process but main. */
  ScheduleSpec(long epoch, boolean controlled, Duration hangTimeout, int maxSteps,
      MainHandler main, RunContext run, ExpectedEnds ends, int crashes) {
    this(epoch, controlled, hangTimeout, maxSteps, main, run, ends, crashes, java.util.Set.of());
  }

  /** A schedule without crash injection. */
  ScheduleSpec(long epoch, boolean controlled, Duration hangTimeout, int maxSteps,
      MainHandler main, RunContext run, ExpectedEnds ends) {
    this(epoch, controlled, hangTimeout, maxSteps, main, run, ends, 0);
  }

  /** A schedule of a scenario that declared no expected ends. */
  ScheduleSpec(long epoch, boolean controlled, Duration hangTimeout, int maxSteps,
      MainHandler main, RunContext run) {
    this(epoch, controlled, hangTimeout, maxSteps, main, run, ExpectedEnds.NONE);
  }
}
