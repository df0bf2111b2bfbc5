/**
 * Internal: the harness. The controller that owns every scheduling point of a scenario's
 * processes, the warm worker JVMs that run them, exploration, shrinking, the JUnit extension
 * behind {@link dev.interleave.harness.InterleaveTest} and report writing. May change at any
 * time.
 */
package dev.interleave.internal.harness;
