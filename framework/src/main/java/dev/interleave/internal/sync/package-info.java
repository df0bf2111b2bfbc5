/**
 * Internal: the shared-memory algorithms behind the synchronization primitives of {@code
 * dev.interleave.mp}.
 *
 * <p>Nothing here is public API; it may change without notice. Each primitive's state is a few
 * words in its own {@link dev.interleave.internal.shm.Segment}, laid out behind a common {@link
 * dev.interleave.internal.sync.SyncSegment header}. A {@code *Core} class holds the algorithm
 * for one primitive and is shared by every JVM that maps the segment; the public classes add
 * argument checks, scheduling points and serialization.
 *
 * <p>Holders are recorded as a 63-bit {@linkplain dev.interleave.internal.sync.Holders code}
 * (pid and start time), so that a waiter can tell when a holder process has died and recover
 * what it held.
 */
package dev.interleave.internal.sync;
