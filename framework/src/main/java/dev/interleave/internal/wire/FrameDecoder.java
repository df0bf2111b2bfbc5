package dev.interleave.internal.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes messages from bytes read in pieces off a non-blocking channel (the controller reads
 * all workers on one thread): a {@link FrameReader} fed what each read brought.
 */
public final class FrameDecoder {
  private final FrameReader frames = new FrameReader("a worker's control connection");

  /** Takes {@code bytes} (flipped for reading) and returns the messages now complete. */
  public List<Message> feed(ByteBuffer bytes) throws IOException {
    List<Message> out = new ArrayList<>(2);
    while (frames.feed(bytes)) {
      out.add(MessageCodec.decode(frames.take()));
    }
    return out;
  }
}
