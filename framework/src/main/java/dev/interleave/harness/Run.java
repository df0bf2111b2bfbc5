package dev.interleave.harness;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * One schedule of a scenario, as its {@link Body} sees it. Implemented only by the harness.
 *
 * <p>Invariants are registered by the body, so that they can see the schedule's fresh state;
 * each is counted under its name across schedules in the report.
 */
@API(status = API.Status.EXPERIMENTAL)
public interface Run {

  /** The schedule's number, from 1. */
  int schedule();

  /** A fresh directory for this schedule's files, deleted after it. */
  Path tempDir();

  /**
   * A value from {@code gen}, drawn from the seed this schedule shares with its interleaving, so
   * that a failure's input shrinks together with its schedule.
   */
  <T> T draw(String name, Gen<T> gen);

  /** A state invariant, checked after every step of the schedule (while no process runs). */
  void invariant(String name, BooleanSupplier holds);

  /** A final invariant, checked once all processes have exited. */
  void finalInvariant(String name, BooleanSupplier holds);

  /**
   * A state invariant over a value, checked after every step: {@code holds} judges what {@code
   * value} returns, and a violation says what was seen ({@code "counter >= 0" saw -1}).
   */
  <T> void invariant(String name, java.util.function.Supplier<T> value,
      java.util.function.Predicate<? super T> holds);

  /**
   * A final invariant over a value, checked once all processes have exited; a violation says
   * what was seen, for example {@code run.finalInvariant("counter == 0", () -> read(file), v ->
   * v == 0)} fails with "saw 1".
   */
  <T> void finalInvariant(String name, java.util.function.Supplier<T> value,
      java.util.function.Predicate<? super T> holds);

  /**
   * A trace invariant: a property of the steps so far, checked after every step of the
   * schedule (under control; stress runs record no steps). A violation is a finding at the step
   * after which {@code holds} first returned false, which the failure message and the report's
   * timeline mark. For example, a semaphore meant to admit at most three processes:
   * {@code run.traceInvariant("at most 3 in semaphore#1", h -> h.inside("semaphore#1") <= 3)}.
   * For a property of the whole trace ("every item put is got"), use {@link #finalInvariant(
   * String, java.util.function.Supplier, java.util.function.Predicate)} over {@link #history()}.
   */
  void traceInvariant(String name, java.util.function.Predicate<History> holds);

  /** The steps of this schedule so far (empty under stress, which records no steps). */
  History history();

  /**
   * Closes {@code resource} when the schedule ends (after its final invariants), for example
   * {@code run.onEnd(lock::close)}: primitives made per schedule release their shared memory at
   * once instead of when the test JVM exits. Closed in reverse order of registration.
   */
  void onEnd(AutoCloseable resource);

  /** Records the schedule's outcome (its {@code toString}) for the outcome histogram. */
  void outcome(Object outcome);
}
