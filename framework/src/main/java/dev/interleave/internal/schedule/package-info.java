/**
 * Internal: schedulers that pick which process runs next at a scheduling point.
 *
 * <p><b>Determinism contract.</b> A {@link dev.interleave.internal.schedule.Scheduler} is a
 * pure function of its construction arguments (seed, decisions, bounds) and of the sequence of
 * {@link dev.interleave.internal.schedule.StepView}s it was shown: shown the same views, it
 * makes the same picks. All its randomness comes from one {@link
 * dev.interleave.internal.schedule.RecordedRandom} seeded from the run's seed and the schedule's
 * number. The controller in turn shows the same views to the same picks as long as the code
 * under test is deterministic between points; when it is not, replay reports a divergence.
 *
 * <p>May change at any time.
 */
package dev.interleave.internal.schedule;
