/**
 * Internal: the mechanics behind {@code dev.interleave.mp}'s pipes, connections and queues.
 *
 * <p>Nothing here is public API; it may change without notice. Pipes and queues are byte rings
 * in shared-memory segments carrying length-prefixed frames ({@link
 * dev.interleave.internal.ipc.RingLayout}); listeners and clients are Unix domain sockets with
 * the same framing and an HMAC handshake. Failures are reported as {@link
 * dev.interleave.internal.ipc.IpcFailure}s, which the public classes translate into their
 * exceptions, so this package does not depend on the public one.
 */
package dev.interleave.internal.ipc;
