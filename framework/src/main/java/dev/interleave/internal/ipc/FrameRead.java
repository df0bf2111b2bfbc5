package dev.interleave.internal.ipc;

import dev.interleave.internal.ipc.IpcFailure.Kind;
import dev.interleave.internal.wire.Frames;

/**
 * Reads one frame out of a ring, as far as the published data allows, resuming where it stopped
 * on the next call. The caller holds the ring's reader lock from the first call to the last.
 *
 * <p>The payload goes straight into the caller's buffer when it is big enough ({@code
 * recvBytesInto}); otherwise into an array of at most {@link #FIRST_ALLOCATION} bytes that
 * doubles as chunks arrive, ending at the frame's exact length, so that a header announcing 2 GiB
 * from a writer that then dies costs nothing. Chunks that continue a frame nobody is reading (its reader died or gave up)
 * are skipped. A frame is returned only when its {@link Chunk#LAST} chunk has been read; after
 * an {@link Chunk#ABORT}, or a new frame starting in the middle of one, the part read is
 * dropped and the read goes on with the next frame.
 */
final class FrameRead {
  /** A frame's first array holds at most this much; it grows as the rest arrives. */
  static final int FIRST_ALLOCATION = Frames.FIRST_ALLOCATION;
  private final Ring ring;
  private final long maxLength;
  private final byte[] into;
  private final int intoOffset;
  private byte[] target;
  private int targetOffset;
  private long total = -1;
  private int filled;

  /**
   * @param maxLength longer frames fail with {@link Kind#TOO_LONG}
   * @param into the caller's buffer, or null to allocate one
   */
  FrameRead(Ring ring, long maxLength, byte[] into, int intoOffset) {
    this.ring = ring;
    this.maxLength = maxLength;
    this.into = into;
    this.intoOffset = intoOffset;
  }

  /** Whether a frame has been started (its length is known). */
  boolean inFrame() {
    return total >= 0;
  }

  long total() {
    return total;
  }

  int filled() {
    return filled;
  }

  /** The array holding the payload, once complete. */
  byte[] target() {
    return target;
  }

  /** Whether the payload went to the caller's buffer. */
  boolean inCallerBuffer() {
    return target == into && into != null;
  }

  /**
   * Consumes published chunks.
   *
   * @return whether the frame is complete
   */
  boolean advance() {
    while (true) {
      long head = ring.head();
      long available = ring.tail() - head;
      if (available == 0) {
        return false;
      }
      long header = ring.getLong(head);
      int type = Chunk.type(header);
      int length = Chunk.length(header);
      if (length < 0 || Chunk.footprint(length) > available) {
        throw corrupt("a " + Chunk.name(type) + " chunk of " + length + " bytes overruns the "
            + available + " published bytes");
      }
      if (total < 0 ? start(head, type, length) : more(head, type, length)) {
        return true;
      }
    }
  }

  private boolean start(long head, int type, int length) {
    switch (type) {
      case Chunk.SINGLE -> {
        long footprint = Chunk.footprint(length);
        allocate(length, head + footprint);
        grow(length);
        ring.get(head + Chunk.HEADER, target, targetOffset, length);
        filled = length;
        ring.publishHead(head + footprint);
        return true;
      }
      case Chunk.BEGIN -> {
        long length64 = ring.getLong(head + Chunk.HEADER);
        if (length != 8 || length64 <= 0) {
          throw corrupt("a BEGIN chunk announces " + length64 + " bytes");
        }
        allocate(length64, head + Chunk.footprint(length));
        ring.publishHead(head + Chunk.footprint(length));
        return false;
      }
      case Chunk.MORE, Chunk.LAST, Chunk.ABORT -> {
        ring.publishHead(head + Chunk.footprint(length)); // rest of an abandoned frame
        return false;
      }
      default -> throw corrupt("unexpected " + Chunk.name(type) + " chunk at a frame boundary");
    }
  }

  private boolean more(long head, int type, int length) {
    if (type == Chunk.ABORT) {
      ring.publishHead(head + Chunk.footprint(length));
      abandon(); // its writer died or was interrupted; the next frame follows
      return false;
    }
    if (type != Chunk.MORE && type != Chunk.LAST) {
      abandon(); // a frame left open without an ABORT: the new one starts here
      return start(head, type, length);
    }
    if (filled + (long) length > total || (type == Chunk.LAST) != (filled + (long) length == total)) {
      throw corrupt("a " + Chunk.name(type) + " chunk of " + length + " bytes after " + filled
          + " of " + total + " bytes does not fit the frame");
    }
    grow(filled + length);
    ring.get(head + Chunk.HEADER, target, targetOffset + filled, length);
    filled += length;
    ring.publishHead(head + Chunk.footprint(length));
    return type == Chunk.LAST;
  }

  /** Picks the destination once the frame's length is known; skips the frame if too long. */
  private void allocate(long length, long skipTo) {
    if (length > maxLength) {
      ring.publishHead(skipTo);
      throw new IpcFailure(Kind.TOO_LONG, "bad message length: " + length
          + " bytes exceeds the limit of " + maxLength);
    }
    if (length > Integer.MAX_VALUE - 8) {
      ring.publishHead(skipTo);
      throw new IpcFailure(Kind.TOO_LONG, "message of " + length
          + " bytes does not fit in a Java array");
    }
    total = length;
    if (into != null && length <= into.length - intoOffset) {
      target = into;
      targetOffset = intoOffset;
    } else {
      target = new byte[(int) Math.min(length, FIRST_ALLOCATION)];
      targetOffset = 0;
    }
  }

  /**
   * Makes room for {@code needed} bytes in an array this read allocated, doubling it up to the
   * frame's length: memory follows the data that arrived, not the length a header announced.
   */
  private void grow(long needed) {
    if (target != into) {
      target = Frames.grow(target, needed, total);
    }
  }

  /** Drops the frame read so far. */
  void abandon() {
    total = -1;
    filled = 0;
    target = null;
  }

  private IpcFailure corrupt(String message) {
    total = -1;
    return new IpcFailure(Kind.CORRUPT_FRAME, message + " in " + ring);
  }
}
