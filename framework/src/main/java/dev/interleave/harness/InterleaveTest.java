package dev.interleave.harness;

import dev.interleave.internal.harness.junit.InterleaveExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated method's {@link Scenario} under many interleavings of its processes.
 *
 * <p>The method takes one {@link Scenario} parameter and registers a body; the harness then runs
 * that body once per schedule, each process of it in a warm worker JVM, and fails the test with
 * a {@link RaceDetectedError} on the first finding (after shrinking it). Every test writes a
 * JSON report under {@code interleave.reports.dir} (default {@code target/interleave-reports}).
 *
 * <p>Every attribute can be overridden for a whole run by a JUnit configuration parameter or,
 * failing that, a system property of the same name ({@link InterleaveProperties}, for example
 * {@code -Dinterleave.seed=7}); an override wins over the annotation, which wins over the
 * defaults. A bad value fails the test with a message naming the property and the value.
 *
 * <p>A test that demonstrates a bug says which: {@code @InterleaveTest(expect =
 * Expect.VIOLATION, finding = FindingKind.DEADLOCK)}, or {@code invariant = "counter == 0"} for
 * one invariant. A finding of another kind (or another invariant) fails the test with that
 * finding's own message.
 */
@API(status = API.Status.EXPERIMENTAL)
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(InterleaveExtension.class)
public @interface InterleaveTest {

  /** How the next process is picked in controlled mode. */
  Strategy strategy() default Strategy.RANDOM;

  /** How processes run. */
  Mode mode() default Mode.CONTROLLED;

  /** How many schedules to explore (an upper bound for {@link Strategy#EXHAUSTIVE}). */
  int schedules() default 100;

  /** The seed of all scheduling and input randomness; 0 picks a fresh one (reported). */
  long seed() default 0;

  /** PCT's bug depth d (d - 1 priority change points). */
  int pctDepth() default 3;

  /**
   * The preemption bound of {@link Strategy#EXHAUSTIVE}: how many times a schedule may switch
   * away from a process that could have gone on; {@link Integer#MAX_VALUE} for no bound.
   */
  int preemptionBound() default 2;

  /**
   * A {@link #preemptionBound()} of no bound: with the reduction on, exhaustive search then
   * covers every class of equivalent schedules, the whole space of the scenario.
   */
  int UNBOUNDED = Integer.MAX_VALUE;

  /**
   * Whether {@link Strategy#EXHAUSTIVE} explores one schedule per class of equivalent schedules
   * (schedules that differ only in the order of steps that commute, such as operations on
   * different objects) instead of every schedule. The reduction turns itself off for a scenario
   * whose checks can tell equivalent schedules apart: a state or trace invariant, or a read of
   * {@link Run#history()}. Turn it off when processes share
   * state the runtime does not mediate (a {@code SharedMemory} buffer, files, sockets of their
   * own, files in {@link Run#tempDir()}) without a {@link Interleave#point(String, Object)
   * point} before each access: a step's effect is then more than its operation, and the harness
   * cannot see it. Other strategies ignore it.
   */
  boolean reduce() default true;

  /**
   * Crash injection: how many processes one schedule may kill -9 (0, the default, kills none).
   * With n > 0, at every step each ready process other than main may instead be killed at its
   * pending point, as one more scheduling choice, while fewer than n were killed: no code of it
   * runs afterwards ({@code finally} blocks included), it exits with -9, and what it held is
   * recovered by the runtime's dead-holder rules (a lock's next owner sees {@code
   * previousOwnerDied()}). {@link Strategy#EXHAUSTIVE} enumerates the kills (each counts as a
   * preemption), {@link Strategy#RANDOM} draws one in 16 picks as a kill, {@link
   * Strategy#PCT} injects one kill per schedule at a uniformly drawn step, POS none. Kills are
   * replayed from the token and dropped by shrinking when the failure does not need
   * them. Overridden by {@link InterleaveProperties#CRASHES}.
   */
  int crashes() default 0;

  /** How long a running process may take to reach its next scheduling point. */
  long timeoutMillis() default 10_000;

  /** Whether the scenario is expected to pass or to demonstrate a violation. */
  Expect expect() default Expect.PASS;

  /**
   * With {@code expect = VIOLATION}: the kind of finding that demonstrates the bug. Only a
   * finding of this kind meets the expectation; any other fails the test with its own message.
   */
  FindingKind finding() default FindingKind.INVARIANT;

  /**
   * With {@code expect = VIOLATION} and {@code finding = INVARIANT}: the name of the invariant
   * expected to be violated, as registered with {@link Run#invariant} or {@link
   * Run#finalInvariant} ({@code "outcome v"} for a forbidden outcome {@code v}); empty accepts
   * any invariant.
   */
  String invariant() default "";

  /** Whether failing schedules are shrunk before they are reported. */
  boolean shrink() default true;

  /**
   * Whether exploration stops at the first failing schedule (the default). With {@code false}
   * every planned schedule runs: the report's outcome histogram and invariant counts cover them
   * all, the failure message and the report's reason say how many failed, and the first
   * failure is shrunk and reported as the counterexample.
   */
  boolean stopAtFirst() default true;

  /**
   * Stress against control: with n > 0, the scenario also runs n times under {@link
   * Mode#STRESS} after its controlled exploration, and the report sets the two outcome sets side
   * by side. A schedule's outcome is what the body recorded with {@link Run#outcome}, or, if it
   * recorded none, its finding ({@code "no finding"}, {@code "invariant violated: <name>"},
   * {@code "no progress (deadlock or hang)"}, {@code "exception: <type>"}). The controlled
   * exploration then runs every planned schedule, as with {@code stopAtFirst = false}.
   *
   * <p>An outcome seen under stress that the exploration did not reach is searched for under
   * control in twice as many schedules as the exploration ran (at least 20, at most 200; random,
   * then PCT), stopping once every such outcome is reached; if none reaches it, the
   * controlled model misses behaviour the runtime has, and the test fails naming the outcome,
   * whatever it expected. Outcomes reached under control but never under stress are listed as
   * rare interleavings. Only for {@link Mode#CONTROLLED} tests; a replay skips it. Overridden by
   * {@link InterleaveProperties#CROSS_CHECK}, which leaves stress-mode tests alone.
   */
  int crossCheck() default 0;

  /**
   * A replay token, as a failure prints it ({@code <seed>:<decisions>:<draws>:<failure>:<steps>}),
   * to run exactly that schedule: each step is checked against the token, and a run that passes
   * where the token recorded a failure fails with a {@link FindingKind#NOT_REPRODUCED} finding.
   * A hand-written {@code <seed>:<decisions>[:<draws>]} replays the decisions only.
   */
  String replay() default "";
}
