/**
 * Internal: the harness's controller, in the test JVM. The {@link
 * dev.interleave.internal.harness.control.Controller} owns every scheduling point of a
 * schedule's processes (the scenario's main thread and the warm worker JVMs that run the rest,
 * leased from a {@link dev.interleave.internal.harness.control.WorkerPool}); around it, the
 * schedule runner, deadlock and hang detection, crash injection, the choice sources and
 * strategies, the explorer, replays, the shrinker, stress against control, the regression
 * corpus and the verdicts.
 *
 * <p>Nothing here is public API; it may change without notice. It uses the worker side's point
 * handler and abort ({@code harness.worker}), the settings ({@code harness.options}) and the
 * schedule records ({@code harness.model}); no class here uses {@code harness.report} or
 * {@code harness.junit}.
 */
package dev.interleave.internal.harness.control;
