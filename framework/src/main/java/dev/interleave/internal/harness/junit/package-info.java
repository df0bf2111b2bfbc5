/**
 * Internal: the JUnit extension behind {@link dev.interleave.harness.InterleaveTest}. {@link
 * dev.interleave.internal.harness.junit.InterleaveExtension} reads a test's settings, leases
 * warm workers, explores (or replays) the scenario, judges it, writes its report and fails the
 * test if it must.
 *
 * <p>Nothing here is public API; it may change without notice. It is the one harness package the
 * public API names (the annotation names its extension), and no other harness package depends
 * on it.
 */
package dev.interleave.internal.harness.junit;
