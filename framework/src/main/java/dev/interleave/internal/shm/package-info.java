/**
 * Internal: shared-memory segments, cross-process wait/wake and process identity.
 *
 * <p>Nothing here is public API; it may change without notice. A {@link
 * dev.interleave.internal.shm.Segment} is a memory-mapped file (under {@code /dev/shm} on Linux)
 * whose aligned words every JVM that maps it updates with atomic compare-and-set; a {@link
 * dev.interleave.internal.shm.Parker} blocks a waiter on such a word without burning CPU.
 */
package dev.interleave.internal.shm;
