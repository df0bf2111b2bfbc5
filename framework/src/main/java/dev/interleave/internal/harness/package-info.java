/**
 * Internal: the harness. The controller that owns every scheduling point of a scenario's
 * processes, the warm worker JVMs that run them, exploration, shrinking, the JUnit extension
 * behind {@link dev.interleave.harness.InterleaveTest}, report writing and rendering.
 *
 * <p>Nothing here is public API; it may change without notice.
 */
package dev.interleave.internal.harness;
