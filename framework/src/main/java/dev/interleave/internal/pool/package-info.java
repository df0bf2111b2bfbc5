/**
 * Internal: the mechanics of process pools (the worker loop, the wire format of tasks and
 * results, dispatch to workers and the replacement of dead ones).
 *
 * <p>Nothing here is public API; it may change without notice. {@code dev.interleave.mp.Pool} and
 * {@code dev.interleave.mp.ProcessPoolExecutor} wrap it.
 */
package dev.interleave.internal.pool;
