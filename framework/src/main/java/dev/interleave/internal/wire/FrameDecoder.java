package dev.interleave.internal.wire;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes frames from bytes read in pieces off a non-blocking channel (the controller reads all
 * workers on one thread); same frame layout as {@link Connection}.
 */
public final class FrameDecoder {
  private ByteBuffer pending = ByteBuffer.allocate(1 << 12);

  /** Appends {@code bytes} (flipped for reading) and returns the frames now complete. */
  public List<Message> feed(ByteBuffer bytes) throws IOException {
    ensure(bytes.remaining());
    pending.put(bytes);
    pending.flip();
    List<Message> out = new ArrayList<>(2);
    while (pending.remaining() >= Long.BYTES) {
      long length = pending.getLong(pending.position());
      if (length <= 0 || length > Connection.MAX_FRAME) {
        throw new IOException("corrupt frame length " + length);
      }
      if (pending.remaining() - Long.BYTES < length) {
        break;
      }
      byte[] body = new byte[(int) length];
      pending.position(pending.position() + Long.BYTES);
      pending.get(body);
      out.add(MessageCodec.read(new DataInputStream(new ByteArrayInputStream(body))));
    }
    pending.compact();
    return out;
  }

  private void ensure(int more) {
    if (pending.remaining() < more) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2,
          pending.position() + more));
      pending.flip();
      bigger.put(pending);
      pending = bigger;
    }
  }
}
