package dev.interleave.mp;

import dev.interleave.internal.ipc.Channel;
import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.ipc.Codec;
import dev.interleave.internal.ipc.Deadlines;
import dev.interleave.internal.ipc.IpcFailure;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One end of a {@link Pipe}, or a connection made by a {@link Listener} or a {@link Client}:
 * sends and receives whole messages, as CPython's {@code multiprocessing.connection.Connection}.
 *
 * <p><b>Messages.</b> {@link #send} serializes an object and {@link #recv} returns a copy of it;
 * {@link #sendBytes} and {@link #recvBytes} move raw bytes. Messages are length-prefixed frames
 * with 64-bit lengths; a message is delivered whole or not at all (a receiver never sees a partial
 * object), and messages sent by one thread arrive in order. Received objects are deserialized
 * through the connection's {@link SerialFilter}.
 *
 * <p><b>Blocking and end-of-file.</b> Receives block until a whole message has arrived. Once every
 * handle of the other end is closed, or every process that held one has died (even with {@code
 * kill -9}), a receive that finds nothing left throws {@link ConnectionEOFException} within a
 * second instead of blocking. A pipe end that this process still holds open counts as a
 * possible sender, as in CPython: close the copy of the child's end that the parent keeps. Sends
 * into a pipe block while its buffer (1 MiB per direction) is full; a message of any size passes
 * through it in pieces. A send when no live process holds the other end throws {@link
 * BrokenPipeException}.
 *
 * <p><b>Interruption.</b> A blocked operation throws {@link InterruptedException} when its thread
 * is interrupted, within 50 ms. An interrupted receive discards the message it was receiving; an
 * interrupted send of a large message abandons it, and the receiver drops the part it got and
 * goes on with the next message. A message cut short by its sender's death is dropped the same
 * way; when no live process can send any more, the receive throws {@link
 * ConnectionEOFException}, whose message says how much was dropped.
 *
 * <p><b>Threads and processes.</b> Connections are thread-safe: concurrent sends (and concurrent
 * receives) are serialized, so messages never interleave. A pipe's connection can be passed to a
 * child as a {@link Process} argument (or inside another message); the child then holds its own
 * handle of the same end, which it should close when done (or which closes when it exits).
 * Connections made by a {@link Listener} or {@link Client} cannot leave their process.
 *
 * <p><b>Memory consistency effects:</b> actions in a thread (of any process) prior to sending a
 * message happen-before actions subsequent to the receipt of that message in another thread.
 *
 * <p>Instances are created only by this package.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Connection implements AutoCloseable, Serializable {
  private static final long serialVersionUID = 1L;

  private final transient Channel channel;
  private final transient ClassRules rules;
  private transient volatile boolean closed;

  Connection(Channel channel, ClassRules rules) {
    this.channel = channel;
    this.rules = rules;
  }

  /**
   * Serializes {@code obj} and sends it as one message. An object that cannot be serialized fails
   * here, before anything is sent.
   *
   * @throws SerializationException if {@code obj} cannot be serialized, naming its class
   * @throws BrokenPipeException if no live process holds the other end
   * @throws IllegalStateException if this connection is closed or receive-only
   * @throws InterruptedException if interrupted while blocked on a full pipe
   */
  public void send(Object obj) throws InterruptedException {
    checkWritable();
    try {
      byte[] payload = Codec.encode(obj);
      channel.send(payload, 0, payload.length);
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
  }

  /**
   * Receives one message sent with {@link #send} and returns the deserialized object, blocking
   * until one has arrived.
   *
   * @param <T> the type the caller expects (checked by the cast at the call site)
   * @throws ConnectionEOFException if nothing is left and nothing more can arrive
   * @throws RejectedClassException if the message names a class the filter does not allow
   * @throws SerializationException if the message cannot be deserialized
   * @throws CorruptFrameException if the message does not parse
   * @throws IllegalStateException if this connection is closed or send-only
   * @throws InterruptedException if interrupted while waiting
   */
  @SuppressWarnings("unchecked")
  public <T> T recv() throws InterruptedException {
    checkReadable();
    try {
      byte[] payload = channel.receive(Long.MAX_VALUE);
      return (T) Codec.decode(payload, 0, payload.length, rules);
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
  }

  /** Sends all of {@code buf} as one message; see {@link #sendBytes(byte[], int, int)}. */
  public void sendBytes(byte[] buf) throws InterruptedException {
    sendBytes(buf, 0, buf.length);
  }

  /** Sends {@code buf} from {@code offset} to its end; see {@link #sendBytes(byte[], int, int)}. */
  public void sendBytes(byte[] buf, int offset) throws InterruptedException {
    Objects.checkFromToIndex(offset, buf.length, buf.length);
    sendBytes(buf, offset, buf.length - offset);
  }

  /**
   * Sends {@code size} bytes of {@code buf} from {@code offset} as one message. The bytes are
   * copied once, straight into the pipe's shared buffer.
   *
   * @throws IndexOutOfBoundsException if the range is not within {@code buf}
   * @throws BrokenPipeException if no live process holds the other end
   * @throws IllegalStateException if this connection is closed or receive-only
   * @throws InterruptedException if interrupted while blocked on a full pipe
   */
  public void sendBytes(byte[] buf, int offset, int size) throws InterruptedException {
    Objects.checkFromIndexSize(offset, size, buf.length);
    checkWritable();
    try {
      channel.send(buf, offset, size);
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
  }

  /** Receives one message as bytes, without a length limit; see {@link #recvBytes(int)}. */
  public byte[] recvBytes() throws InterruptedException {
    return receiveBytes(Long.MAX_VALUE);
  }

  /**
   * Receives one message as bytes, blocking until one has arrived. A message longer than {@code
   * maxLength} fails and, as in CPython, closes this connection.
   *
   * @throws IllegalArgumentException if {@code maxLength} is negative
   * @throws MessageTooLongException if the message is longer than {@code maxLength}
   * @throws ConnectionEOFException if nothing is left and nothing more can arrive
   * @throws CorruptFrameException if the stream does not parse (not for a sender that died)
   * @throws IllegalStateException if this connection is closed or send-only
   * @throws InterruptedException if interrupted while waiting
   */
  public byte[] recvBytes(int maxLength) throws InterruptedException {
    if (maxLength < 0) {
      throw new IllegalArgumentException("maxLength cannot be negative but was: " + maxLength);
    }
    return receiveBytes(maxLength);
  }

  private byte[] receiveBytes(long maxLength) throws InterruptedException {
    checkReadable();
    try {
      return channel.receive(maxLength);
    } catch (IpcFailure f) {
      if (f.kind() == IpcFailure.Kind.TOO_LONG) {
        close();
      }
      throw Failures.translate(f);
    }
  }

  /** Receives one message into {@code buf} from its start; see {@link #recvBytesInto(byte[], int)}. */
  public int recvBytesInto(byte[] buf) throws InterruptedException {
    return recvBytesInto(buf, 0);
  }

  /**
   * Receives one message into {@code buf} at {@code offset}, copying it once from the shared
   * buffer, and returns its length. A message longer than the space left is received whole into
   * a new array carried by the exception; {@code buf} is then left unspecified.
   *
   * @throws IndexOutOfBoundsException if {@code offset} is not within {@code buf}
   * @throws BufferTooShortException if the message does not fit; {@link
   *     BufferTooShortException#message()} holds it
   * @throws ConnectionEOFException if nothing is left and nothing more can arrive
   * @throws IllegalStateException if this connection is closed or send-only
   * @throws InterruptedException if interrupted while waiting
   */
  public int recvBytesInto(byte[] buf, int offset) throws InterruptedException {
    Objects.checkFromToIndex(offset, buf.length, buf.length);
    checkReadable();
    try {
      return channel.receiveInto(buf, offset);
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
  }

  /**
   * Whether a message (or end-of-file) is waiting, without blocking.
   *
   * @throws IllegalStateException if this connection is closed or send-only
   */
  public boolean poll() {
    try {
      return poll(Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Waits at most {@code timeout} until a message has started arriving or end-of-file is
   * pending, so that {@link #recv} would not block for long; returns whether that happened.
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws IllegalStateException if this connection is closed or send-only
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean poll(Duration timeout) throws InterruptedException {
    long deadline = Deadlines.after(Objects.requireNonNull(timeout, "timeout"));
    checkReadable();
    return channel.poll(deadline);
  }

  /**
   * Waits without a time limit until a message has started arriving or end-of-file is pending
   * (CPython's {@code poll(None)}).
   *
   * @throws IllegalStateException if this connection is closed or send-only
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitReadable() throws InterruptedException {
    checkReadable();
    channel.poll(Deadlines.NONE);
  }

  /**
   * Waits at most {@code timeout} until at least one of {@code connections} is ready to receive
   * (a message or end-of-file is waiting), and returns the ready ones, in the order given; empty
   * on timeout. CPython's {@code multiprocessing.connection.wait}. Readiness of pipe connections
   * is checked with backoff up to 1 ms, so a wake-up may lag a message by that much.
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws IllegalStateException if a connection is closed or send-only
   * @throws InterruptedException if interrupted while waiting
   */
  public static List<Connection> await(Collection<Connection> connections, Duration timeout)
      throws InterruptedException {
    return Readiness.await(List.copyOf(connections), Deadlines.after(timeout));
  }

  /** {@link #await(Collection, Duration)} without a time limit. */
  public static List<Connection> await(Collection<Connection> connections)
      throws InterruptedException {
    return Readiness.await(List.copyOf(connections), Deadlines.NONE);
  }

  /** Whether this connection can receive (false for the sending end of a one-way pipe). */
  public boolean readable() {
    return channel.readable();
  }

  /** Whether this connection can send (false for the receiving end of a one-way pipe). */
  public boolean writable() {
    return channel.writable();
  }

  /** Whether {@link #close()} was called on this handle. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes this handle. Other handles of the same end (in this or other processes) stay open;
   * once all are closed, the other end sees end-of-file. Idempotent.
   */
  @Override
  public void close() {
    if (!closed) {
      Points.point(Op.CLOSE, channel.id(), "close"); // the peer may see EOF from here on
    }
    closed = true;
    channel.close();
  }

  Channel channel() {
    return channel;
  }

  void checkReadable() {
    checkOpen();
    if (!channel.readable()) {
      throw new IllegalStateException("connection " + channel.id()
          + " is send-only (the second end of a one-way pipe): it cannot receive");
    }
  }

  private void checkWritable() {
    checkOpen();
    if (!channel.writable()) {
      throw new IllegalStateException("connection " + channel.id()
          + " is receive-only (the first end of a one-way pipe): it cannot send");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("connection " + channel.id() + " is closed");
    }
  }

  @Override
  public String toString() {
    return "Connection[" + channel.id() + (closed ? ", closed]" : "]");
  }

  private Object writeReplace() throws ObjectStreamException {
    if (closed) {
      throw new NotSerializableException("connection " + channel.id() + " is closed");
    }
    try {
      return new SerialForm(channel.handOff());
    } catch (UnsupportedOperationException e) {
      throw new NotSerializableException(e.getMessage());
    }
  }

  /**
   * A connection in transit: reopened as a new handle of the same end where it is read, with
   * that process's default {@link SerialFilter} (the sender's rules do not travel: the receiver
   * decides what it deserializes).
   */
  private static final class SerialForm implements Serializable {
    private static final long serialVersionUID = 2L;
    private final Channel.Handle handle;

    SerialForm(Channel.Handle handle) {
      this.handle = handle;
    }

    private Object readResolve() {
      return new Connection(handle.open(), ClassRules.processDefault());
    }
  }
}
