package dev.interleave.internal.wire;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * One end of a control connection: {@link Frames frames} over a Unix domain socket, each
 * carrying one {@link Message} (a tag byte, then the record's fields: {@link MessageCodec}).
 *
 * <p>{@link #send} may be called from any thread (frames are written whole, under a lock);
 * {@link #receive} from one reader thread.
 */
public final class Connection implements Closeable {
  private final SocketChannel channel;
  /** Bytes read ahead of the frame being read, so that small frames cost one read together. */
  private final ByteBuffer inbox = ByteBuffer.allocate(1 << 16).flip();
  private final FrameReader frames = new FrameReader("the control connection");

  public Connection(SocketChannel channel) {
    this.channel = channel;
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
    byte[] body = MessageCodec.encode(m);
    ByteBuffer[] frame = Frames.frame(body, 0, body.length);
    while (!Frames.written(frame)) {
      if (channel.write(frame) == 0) {
        Thread.onSpinWait(); // non-blocking and the socket buffer is full: rare, brief
      }
    }
  }

  /** Reads one frame; throws {@link java.io.EOFException} at end of stream. */
  public Message receive() throws IOException {
    while (!frames.feed(inbox)) {
      inbox.clear();
      int n = channel.read(inbox);
      inbox.flip();
      if (n < 0) {
        throw frames.endOfStream();
      }
    }
    return MessageCodec.decode(frames.take());
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
