package dev.interleave.internal.ipc;

/**
 * One end of a framed, message-oriented connection: a pipe end over shared-memory rings
 * ({@link RingChannel}) or a Unix domain socket ({@link SocketTransport}).
 *
 * <p>Implementations are thread-safe: concurrent sends are serialized, as are concurrent
 * receives, so frames never interleave. Failures are {@link IpcFailure}s.
 */
public interface Channel {

  /** A stable id, the same in every process, for scheduling points and messages. */
  String id();

  boolean readable();

  boolean writable();

  /** Sends one frame; blocks while the transport is full. */
  void send(byte[] buf, int offset, int length) throws InterruptedException;

  /**
   * Receives one frame; blocks until one is complete.
   *
   * @param maxLength a longer frame fails with {@link IpcFailure.Kind#TOO_LONG}
   */
  byte[] receive(long maxLength) throws InterruptedException;

  /**
   * Receives one frame into {@code buf} at {@code offset}; a frame longer than the space left
   * fails with {@link IpcFailure.Kind#BUFFER_TOO_SHORT} carrying the whole frame.
   *
   * @return the frame's length
   */
  int receiveInto(byte[] buf, int offset) throws InterruptedException;

  /**
   * Whether a receive would not block: a frame has started arriving, or the other end is gone
   * (the receive would then report end-of-file). Waits until {@code deadline} ({@link
   * Deadlines}) for that.
   */
  boolean poll(long deadline) throws InterruptedException;

  /**
   * {@link #poll} without waiting and without being a scheduling point: for checking many
   * channels at once.
   */
  boolean pollNow();

  /** Releases this handle; other handles of the same end stay open. Idempotent. */
  void close();

  /**
   * A serializable stand-in that opens a new handle of this end in the process that
   * deserializes it.
   *
   * @throws UnsupportedOperationException if this kind of channel cannot leave its process
   */
  Handle handOff();

  /** A serialized channel end; {@link #open()} attaches it in the current process. */
  interface Handle extends java.io.Serializable {
    Channel open();
  }
}
