/**
 * Internal: a harness test's settings. Each {@code @InterleaveTest} attribute, unless a JUnit
 * configuration parameter or system property overrides it, read and checked into {@link
 * dev.interleave.internal.harness.options.RunOptions}; the time budget and shard; and the
 * progress entries an exploration publishes to JUnit.
 *
 * <p>Nothing here is public API; it may change without notice. Of the harness it uses only
 * {@code harness.model} (a replay option is a replay token).
 */
package dev.interleave.internal.harness.options;
