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
 * @param sites whether points capture their call sites (only runs whose steps may be shown do:
 *     a call site is not behaviour, and capturing one costs more than the controller's decision)
 */
record ScheduleSpec(long epoch, boolean controlled, Duration hangTimeout, int maxSteps,
    MainHandler main, RunContext run, ExpectedEnds ends, int crashes,
    java.util.Set<String> killable, boolean sites) {}
