/**
 * Internal: child-JVM launching, the child bootstrap, warm JVMs and the scheduling-point hook.
 *
 * <p>Nothing here is public API; it may change without notice. It uses its own types and no
 * type of {@code dev.interleave.mp}, which wraps them: {@link
 * dev.interleave.internal.runtime.Child} for a started process, {@link
 * dev.interleave.internal.runtime.Bootstrap} for running one in a child (installed by the
 * public process class), {@link dev.interleave.internal.runtime.LaunchException} for a failed
 * launch.
 */
package dev.interleave.internal.runtime;
