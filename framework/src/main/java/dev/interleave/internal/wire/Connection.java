package dev.interleave.internal.wire;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * One end of a control connection: length-prefixed frames over a Unix domain socket.
 *
 * <pre>
 *  +----------------------+-----------+------------------------------+
 *  | length (int64, BE)   | tag (u8)  | fields of the record ...     |
 *  +----------------------+-----------+------------------------------+
 *                         |&lt;------------ length bytes ---------------&gt;|
 * </pre>
 *
 * <p>{@link #send} may be called from any thread (frames are written whole, under a lock);
 * {@link #receive} from one reader thread.
 */
public final class Connection implements Closeable {
  /** Frames above this are refused as corrupt; lengths are 64-bit on the wire regardless. */
  static final long MAX_FRAME = 1L << 40;

  private final SocketChannel channel;
  private final DataInputStream in;
  private final OutputStream out;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private final DataOutputStream body = new DataOutputStream(buffer);

  public Connection(SocketChannel channel) {
    this.channel = channel;
    // not Channels.newInputStream/newOutputStream: they share one lock, so a blocked read
    // would stop every write
    this.in = new DataInputStream(new BufferedInputStream(new ChannelIn(channel), 1 << 16));
    this.out = new ChannelOut(channel);
  }

  /**
   * Switches to non-blocking mode, for a reader that polls many connections with a {@link
   * java.nio.channels.Selector} and decodes with a {@link FrameDecoder}; {@link #send} still
   * writes whole frames. Call only before anything is buffered for {@link #receive}.
   */
  public SocketChannel nonBlocking() throws IOException {
    channel.configureBlocking(false);
    return channel;
  }

  /** Connects to the endpoint at {@code socket}. */
  public static Connection connect(Path socket) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    return new Connection(ch);
  }

  /** Writes one frame. */
  public synchronized void send(Message m) throws IOException {
    buffer.reset();
    body.writeLong(0);
    MessageCodec.write(body, m);
    byte[] frame = buffer.toByteArray();
    long length = frame.length - Long.BYTES;
    for (int i = 0; i < Long.BYTES; i++) {
      frame[i] = (byte) (length >>> (56 - 8 * i));
    }
    out.write(frame);
  }

  /** Reads one frame; throws {@link java.io.EOFException} at end of stream. */
  public Message receive() throws IOException {
    long length = in.readLong();
    if (length <= 0 || length > MAX_FRAME) {
      throw new IOException("corrupt frame length " + length);
    }
    return MessageCodec.read(in);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static final class ChannelIn extends InputStream {
    private final SocketChannel channel;

    ChannelIn(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return channel.read(ByteBuffer.wrap(b, off, len));
    }
  }

  private static final class ChannelOut extends OutputStream {
    private final SocketChannel channel;

    ChannelOut(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      while (buf.hasRemaining()) {
        if (channel.write(buf) == 0) {
          Thread.onSpinWait(); // non-blocking and the socket buffer is full: rare, brief
        }
      }
    }
  }
}
