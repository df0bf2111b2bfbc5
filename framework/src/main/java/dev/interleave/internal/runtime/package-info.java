/**
 * Internal: child-JVM launching, the child bootstrap, warm JVMs and the scheduling-point hook.
 *
 * <p>Nothing here is public API; it may change without notice.
 */
package dev.interleave.internal.runtime;
