package dev.interleave.harness;

import dev.interleave.internal.harness.InterleaveExtension;
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
 * <p>JUnit configuration parameters (or system properties) override defaults for a whole run:
 * {@code interleave.schedules}, {@code interleave.seed}, {@code interleave.timeoutMillis} and
 * {@code interleave.strategy} ({@code random}, {@code pct}, {@code pos}, {@code exhaustive} or
 * {@code stress}, which replaces both strategy and mode); the
 * system property {@code interleave.replay} replays one schedule.
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

  /** The preemption bound of {@link Strategy#EXHAUSTIVE}. */
  int preemptionBound() default 2;

  /** How long a running process may take to reach its next scheduling point. */
  long timeoutMillis() default 10_000;

  /** Whether the scenario is expected to pass or to demonstrate a violation. */
  Expect expect() default Expect.PASS;

  /** Whether failing schedules are shrunk before they are reported. */
  boolean shrink() default true;

  /** A replay token ({@code <seed>:<decisions>[:<draws>]}) to run exactly one schedule. */
  String replay() default "";
}
