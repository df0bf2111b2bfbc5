package dev.interleave.internal.ipc;

import dev.interleave.internal.ipc.IpcFailure.Kind;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.wire.FrameException;
import dev.interleave.internal.wire.FrameReader;
import dev.interleave.internal.wire.Frames;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection over a Unix domain or TCP socket, carrying {@link Frames frames} read by a {@link
 * FrameReader}.
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
  private final FrameReader frames; // recvLock

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
    this.frames = new FrameReader(id);
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
    ByteBuffer[] frame = Frames.frame(buf, offset, length);
    sendLock.lock();
    try {
      while (!Frames.written(frame)) {
        if (channel.write(frame) == 0) {
          await(writable, frame[0].position() > 0);
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
      frames.limit(maxLength);
      frames.into(null, 0);
      readFrame();
      return frames.take();
    } finally {
      recvLock.unlock();
    }
  }

  @Override
  public int receiveInto(byte[] buf, int offset) throws InterruptedException {
    recvLock.lock();
    try {
      frames.limit(FrameReader.NO_LIMIT);
      frames.into(buf, offset);
      readFrame();
      int length = frames.length();
      if (frames.inCallerBuffer()) {
        frames.take();
        return length;
      }
      throw new IpcFailure(Kind.BUFFER_TOO_SHORT, "message of " + length
          + " bytes is longer than the " + (buf.length - offset) + " bytes left in the buffer",
          null, frames.take());
    } finally {
      recvLock.unlock();
    }
  }

  /** Waits for a whole frame; a frame refused for its length closes the connection. */
  private void readFrame() throws InterruptedException {
    if (Points.controlled()) {
      Points.await(Op.RECV, id, null, this::readableNow, -1, null);
    } else {
      Points.point(Op.RECV, id, null);
    }
    try {
      while (!frames.read(channel)) {
        checkReceiveDeadline();
        await(readable, true);
      }
    } catch (EOFException e) {
      throw new IpcFailure(Kind.EOF, e.getMessage());
    } catch (FrameException e) {
      if (e.tooLong()) {
        close(); // the rest of the frame cannot be skipped reliably
      }
      throw new IpcFailure(e.tooLong() ? Kind.TOO_LONG : Kind.CORRUPT_FRAME, e.getMessage());
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
