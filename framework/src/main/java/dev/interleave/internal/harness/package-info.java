/**
 * Internal: the JUnit side of the harness, including report writing and rendering.
 *
 * <p>Nothing here is public API; it may change without notice.
 */
package dev.interleave.internal.harness;
