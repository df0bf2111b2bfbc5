package dev.interleave.internal.wire;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads one {@link Frames frame} at a time from a byte stream that may deliver it in pieces,
 * resuming where it stopped on the next call: from a channel directly ({@link #read}) or from
 * bytes the caller read ahead ({@link #feed}). Not thread-safe: one reader at a time.
 *
 * <p>The payload goes into the caller's buffer when one is given ({@link #into}) and the frame
 * fits; otherwise into an array of at most {@link Frames#FIRST_ALLOCATION} bytes that doubles as
 * bytes arrive, so that a header announcing 2 GiB from a peer that then stops costs nothing.
 * A stream that ends, between frames or inside one (whose part received is discarded), is an
 * {@link EOFException}; a negative length or one above the limit is a {@link FrameException}.
 * After either, the reader is ready for a new frame.
 */
public final class FrameReader {
  /** The limit that {@link #limit} starts with and returns to: an array's. */
  public static final long NO_LIMIT = Long.MAX_VALUE;

  private final String name;
  private final ByteBuffer header = ByteBuffer.allocate(Frames.HEADER);
  private long limit = NO_LIMIT;
  private byte[] into;
  private int intoOffset;
  private long length = -1;
  private byte[] payload;
  private int offset;
  private int filled;

  /** @param name the connection, as failure messages name it */
  public FrameReader(String name) {
    this.name = name;
  }

  /** Frames longer than {@code maxLength} fail, from the next frame on. */
  public void limit(long maxLength) {
    this.limit = maxLength;
  }

  /** The next frame goes into {@code buf} at {@code offset} if it fits there ({@code buf} null: never). */
  public void into(byte[] buf, int offset) {
    this.into = buf;
    this.intoOffset = offset;
  }

  /**
   * Reads from {@code channel} until the frame is complete or the channel has no byte now (a
   * blocking channel waits for one instead).
   *
   * @return whether the frame is complete ({@link #take})
   * @throws EOFException if the stream ended
   * @throws FrameException if the header is corrupt or the frame too long
   */
  public boolean read(ReadableByteChannel channel) throws IOException {
    return fill(channel::read);
  }

  /**
   * Takes bytes from {@code bytes} (ready for reading) until the frame is complete or none are
   * left.
   *
   * @return whether the frame is complete ({@link #take})
   * @throws FrameException if the header is corrupt or the frame too long
   */
  public boolean feed(ByteBuffer bytes) throws FrameException {
    try {
      return fill(dst -> copy(bytes, dst));
    } catch (FrameException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("a buffer does not fail", e);
    }
  }

  /** Whether part of a frame has been read. */
  public boolean midFrame() {
    return length >= 0 || header.position() > 0;
  }

  /** Whether the complete frame went into the buffer given to {@link #into}. */
  public boolean inCallerBuffer() {
    return payload == into && into != null;
  }

  /** The complete frame's payload (exactly its length unless {@link #inCallerBuffer}); resets. */
  public byte[] take() {
    byte[] done = payload;
    reset();
    return done;
  }

  /** The complete frame's length. */
  public int length() {
    return (int) length;
  }

  /** The failure of a stream that ended here, saying what of a frame was discarded; resets. */
  public EOFException endOfStream() {
    String half = !midFrame() ? ""
        : " (the " + (length < 0 ? header.position() + " bytes received of its last frame header"
            : filled + " bytes received of its last " + length + "-byte message")
            + " were discarded)";
    reset();
    return new EOFException("end of file on " + name + ": the peer closed the connection" + half);
  }

  private interface Source {
    int read(ByteBuffer dst) throws IOException;
  }

  private boolean fill(Source src) throws IOException {
    if (length < 0) {
      if (!transfer(src, header)) {
        return false;
      }
      start(header.getLong(0));
    }
    while (filled < length) {
      if (payload != into) {
        payload = Frames.grow(payload, filled + 1L, length);
      }
      int room = (int) Math.min(payload.length - offset - filled, length - filled);
      int n = readSome(src, ByteBuffer.wrap(payload, offset + filled, room));
      if (n == 0) {
        return false;
      }
      filled += n;
    }
    return true;
  }

  private boolean transfer(Source src, ByteBuffer dst) throws IOException {
    while (dst.hasRemaining()) {
      if (readSome(src, dst) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Reads what {@code src} has now into {@code dst}; the end of the stream throws. */
  private int readSome(Source src, ByteBuffer dst) throws IOException {
    int n = src.read(dst);
    if (n < 0) {
      throw endOfStream();
    }
    return n;
  }

  /** Checks the length just read and picks the payload's array. */
  private void start(long announced) throws FrameException {
    long max = Math.min(limit, Frames.MAX_ARRAY);
    if (announced < 0 || announced > max) {
      reset();
      throw announced < 0
          ? new FrameException(false, "corrupt frame on " + name + ": length " + announced)
          : new FrameException(true, limit <= Frames.MAX_ARRAY
              ? "bad message length: " + announced + " bytes exceeds the limit of " + max
              : "message of " + announced + " bytes does not fit in a Java array");
    }
    length = announced;
    if (into != null && announced <= into.length - intoOffset) {
      payload = into;
      offset = intoOffset;
    } else {
      payload = new byte[(int) Math.min(announced, Frames.FIRST_ALLOCATION)];
      offset = 0;
    }
  }

  private void reset() {
    header.clear();
    length = -1;
    payload = null;
    filled = 0;
  }

  private static int copy(ByteBuffer from, ByteBuffer to) {
    int n = Math.min(from.remaining(), to.remaining());
    to.put(to.position(), from, from.position(), n);
    to.position(to.position() + n);
    from.position(from.position() + n);
    return n;
  }
}
