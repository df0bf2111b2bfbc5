package dev.interleave.internal.ipc;

import dev.interleave.internal.ipc.IpcFailure.Kind;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection over a Unix domain socket, with the rings' framing: a frame is its length as a
 * 64-bit big-endian integer followed by that many bytes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                 Payload length (64, big-endian)               |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                 Payload ...                                 ...
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>The channel is non-blocking; blocked reads and writes wait on a selector of their own in
 * slices, so that an interrupt ends them within a slice. Sends and receives are serialized by one
 * lock each. A peer that closes or dies, between frames or in the middle of one (whose part
 * received is discarded), gives {@link Kind#EOF}.
 */
public final class SocketTransport implements Channel {
  private static final long SLICE_MILLIS = 50;
  private static final AtomicLong IDS = new AtomicLong();

  private final SocketChannel channel;
  private final Selector readable;
  private final Selector writable;
  private final Selector pollable; // its own, so that a poll never waits for a blocked receive
  private final ReentrantLock pollLock = new ReentrantLock();
  private final ReentrantLock sendLock = new ReentrantLock();
  private final ReentrantLock recvLock = new ReentrantLock();
  private final String id;
  private volatile long receiveDeadline = Deadlines.NONE;

  SocketTransport(SocketChannel channel, String address) throws IOException {
    this.channel = channel;
    channel.configureBlocking(false);
    this.readable = Selector.open();
    this.writable = Selector.open();
    this.pollable = Selector.open();
    channel.register(readable, SelectionKey.OP_READ);
    channel.register(pollable, SelectionKey.OP_READ);
    channel.register(writable, SelectionKey.OP_WRITE);
    this.id = "socket:" + address + "#" + IDS.incrementAndGet();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean readable() {
    return true;
  }

  @Override
  public boolean writable() {
    return true;
  }

  @Override
  public void send(byte[] buf, int offset, int length) throws InterruptedException {
    Points.point(Op.SEND, id, null);
    ByteBuffer[] frame = {ByteBuffer.allocate(8).putLong(0, length),
        ByteBuffer.wrap(buf, offset, length)};
    sendLock.lock();
    try {
      while (frame[1].hasRemaining() || frame[0].hasRemaining()) {
        if (channel.write(frame) == 0) {
          await(writable, frame[0].remaining() < 8);
        }
      }
    } catch (IOException e) {
      throw new IpcFailure(Kind.BROKEN_PIPE, "cannot send on " + id + ": " + e.getMessage(), e);
    } finally {
      sendLock.unlock();
    }
  }

  /**
   * Limits every later receive to {@code deadline} ({@link Deadlines#NONE} lifts the limit): a
   * receive still waiting then fails with {@link Kind#TIMEOUT} and closes the connection (the
   * stream may stop mid-frame). The handshake uses it, so a silent peer cannot hold it forever.
   */
  public void receiveDeadline(long deadline) {
    this.receiveDeadline = deadline;
  }

  @Override
  public byte[] receive(long maxLength) throws InterruptedException {
    recvLock.lock();
    try {
      long length = readHeader();
      if (length > maxLength || length > Integer.MAX_VALUE - 8) {
        close(); // the rest of the frame cannot be skipped reliably
        throw new IpcFailure(Kind.TOO_LONG, "bad message length: " + length
            + " bytes exceeds the limit of " + Math.min(maxLength, Integer.MAX_VALUE - 8));
      }
      return readPayload(length);
    } finally {
      recvLock.unlock();
    }
  }

  @Override
  public int receiveInto(byte[] buf, int offset) throws InterruptedException {
    recvLock.lock();
    try {
      long length = readHeader();
      if (length > Integer.MAX_VALUE - 8) {
        close();
        throw new IpcFailure(Kind.TOO_LONG, "message of " + length
            + " bytes does not fit in a Java array");
      }
      if (length <= buf.length - offset) {
        readFully(ByteBuffer.wrap(buf, offset, (int) length), length);
        return (int) length;
      }
      byte[] payload = readPayload(length);
      throw new IpcFailure(Kind.BUFFER_TOO_SHORT, "message of " + length
          + " bytes is longer than the " + (buf.length - offset) + " bytes left in the buffer",
          null, payload);
    } finally {
      recvLock.unlock();
    }
  }

  private long readHeader() throws InterruptedException {
    if (Points.controlled()) {
      Points.await(Op.RECV, id, null, this::readableNow, -1, null);
    } else {
      Points.point(Op.RECV, id, null);
    }
    ByteBuffer header = ByteBuffer.allocate(8);
    readFully(header, -1);
    long length = header.getLong(0);
    if (length < 0) {
      throw new IpcFailure(Kind.CORRUPT_FRAME, "corrupt frame on " + id + ": length " + length);
    }
    return length;
  }

  /**
   * Reads a payload of {@code length} bytes into an array that starts at most {@link
   * FrameRead#FIRST_ALLOCATION} long and doubles as bytes arrive: a header announcing 2 GiB costs
   * nothing until the bytes come.
   */
  private byte[] readPayload(long length) throws InterruptedException {
    byte[] payload = new byte[(int) Math.min(length, FrameRead.FIRST_ALLOCATION)];
    int filled = 0;
    while (filled < length) {
      if (filled == payload.length) {
        payload = Arrays.copyOf(payload, (int) Math.min(length, 2L * payload.length));
      }
      ByteBuffer bb = ByteBuffer.wrap(payload, filled, payload.length - filled);
      readFully(bb, length);
      filled = bb.position();
    }
    return payload;
  }

  /** Reads until {@code bb} is full; {@code frameLength} is -1 while reading a header. */
  private void readFully(ByteBuffer bb, long frameLength) throws InterruptedException {
    try {
      while (bb.hasRemaining()) {
        int n = channel.read(bb);
        if (n < 0) {
          throw endOfStream(bb, frameLength);
        }
        if (n == 0) {
          checkReceiveDeadline();
          await(readable, true);
        }
      }
    } catch (IOException e) {
      throw new IpcFailure(Kind.IO, "cannot receive on " + id + ": " + e.getMessage(), e);
    }
  }

  private void checkReceiveDeadline() {
    if (Deadlines.passed(receiveDeadline)) {
      close();
      throw new IpcFailure(Kind.TIMEOUT, "no reply on " + id + " in time; connection closed");
    }
  }

  private IpcFailure endOfStream(ByteBuffer bb, long frameLength) {
    String half = frameLength < 0 && bb.position() == 0 ? ""
        : " (the " + bb.position() + " bytes received of its last " + (frameLength < 0
        ? "frame header" : frameLength + "-byte message") + " were discarded)";
    return new IpcFailure(Kind.EOF, "end of file on " + id + ": the peer closed the connection"
        + half);
  }

  /**
   * Waits one slice on {@code selector}; throws if interrupted. An interrupt in the middle of a
   * frame leaves the stream unusable, so the connection is closed then.
   */
  private void await(Selector selector, boolean midFrame) throws IOException, InterruptedException {
    try {
      selector.select(SLICE_MILLIS);
      selector.selectedKeys().clear();
    } catch (ClosedSelectorException e) {
      throw new IpcFailure(Kind.EOF, id + " was closed while an operation waited on it", e);
    }
    if (Thread.interrupted()) {
      if (midFrame) {
        close();
      }
      throw new InterruptedException();
    }
  }

  @Override
  public boolean poll(long deadline) throws InterruptedException {
    if (Points.controlled()) {
      long remaining = Deadlines.remaining(deadline);
      return Points.await(Op.POLL, id, null, this::readableNow,
          remaining == Deadlines.NONE ? -1 : remaining, null);
    }
    Points.point(Op.POLL, id, null);
    pollLock.lock();
    try {
      while (true) {
        long left = Deadlines.remaining(deadline);
        long millis = left == 0 ? -1 : Math.max(1, Math.min(SLICE_MILLIS, left / 1_000_000));
        int ready = millis < 0 ? pollable.selectNow() : pollable.select(millis);
        pollable.selectedKeys().clear();
        if (ready > 0) {
          return true;
        }
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        if (Deadlines.remaining(deadline) == 0) {
          return false;
        }
      }
    } catch (IOException | ClosedSelectorException e) {
      return true; // closed or failed: the receive reports it
    } finally {
      pollLock.unlock();
    }
  }

  @Override
  public boolean pollNow() {
    pollLock.lock();
    try {
      return readableNow();
    } finally {
      pollLock.unlock();
    }
  }

  private boolean readableNow() {
    try {
      int ready = pollable.selectNow();
      pollable.selectedKeys().clear();
      return ready > 0;
    } catch (IOException | ClosedSelectorException e) {
      return true; // the receive reports the error
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
      readable.close();
      writable.close();
      pollable.close();
    } catch (IOException e) {
      // closing a socket we are done with; nothing to recover
    }
  }

  @Override
  public Handle handOff() {
    throw new UnsupportedOperationException("connection " + id + " was made by a Listener or a"
        + " Client and cannot be passed to another process (a JVM cannot hand a socket over);"
        + " pass the listener's address and connect from there, or use a Pipe");
  }

  @Override
  public String toString() {
    return id;
  }
}
