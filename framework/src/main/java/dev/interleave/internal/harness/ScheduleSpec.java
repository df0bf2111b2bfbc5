package dev.interleave.internal.harness;

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
 */
record ScheduleSpec(long epoch, boolean controlled, Duration hangTimeout, int maxSteps,
    MainHandler main, RunContext run) {}
