package dev.interleave.internal.ipc;

/**
 * Writes one frame into a ring, as far as the free space allows, resuming where it stopped on
 * the next call. The caller holds the ring's writer lock from the first call to the last.
 *
 * <p>A frame of up to {@link #maxSingle} bytes is one {@link Chunk#SINGLE} chunk, written only
 * when it fits whole. A longer one is streamed: a {@link Chunk#BEGIN} chunk carrying the 64-bit
 * length, then {@link Chunk#MORE} chunks of at most a quarter of the ring (so that reader and
 * writer copy in parallel) and a {@link Chunk#LAST} one. The ring's frame-open word is set while
 * a streamed frame is incomplete, so that a writer taking over from a dead one knows to end it
 * with {@link Chunk#ABORT}.
 */
final class FrameWrite {
  private static final int MIN_CHUNK = 4096;

  private final Ring ring;
  private final byte[] src;
  private final int offset;
  private final int length;
  private boolean abortFirst;
  private boolean begun;
  private int written;

  FrameWrite(Ring ring, byte[] src, int offset, int length) {
    this.ring = ring;
    this.src = src;
    this.offset = offset;
    this.length = length;
  }

  /** Frames up to this size travel as one chunk. */
  static int maxSingle(Ring ring) {
    return ring.capacity / 4;
  }

  /** Asks this write to first end a frame a dead writer left open (after a lock takeover). */
  void repairFirst() {
    abortFirst = ring.intAt(RingLayout.FRAME_OPEN) != 0;
  }

  /**
   * Writes what fits.
   *
   * @return whether the whole frame is written
   */
  boolean advance() {
    long tail = ring.tail();
    if (abortFirst) {
      if (ring.free(tail) < Chunk.HEADER) {
        return false;
      }
      ring.putLong(tail, Chunk.header(Chunk.ABORT, 0));
      tail += Chunk.HEADER;
      ring.setIntAt(RingLayout.FRAME_OPEN, 0);
      ring.publishTail(tail);
      abortFirst = false;
    }
    if (!begun) {
      return length <= maxSingle(ring) ? single(tail) : begin(tail) && stream();
    }
    return stream();
  }

  /** Whether the frame has been started (its first chunk is published). */
  boolean begun() {
    return begun;
  }

  private boolean single(long tail) {
    long need = Chunk.footprint(length);
    if (ring.free(tail) < need) {
      return false;
    }
    ring.putLong(tail, Chunk.header(Chunk.SINGLE, length));
    ring.put(tail + Chunk.HEADER, src, offset, length);
    ring.publishTail(tail + need);
    begun = true;
    return true;
  }

  private boolean begin(long tail) {
    if (ring.free(tail) < 2 * Chunk.HEADER) {
      return false;
    }
    ring.setIntAt(RingLayout.FRAME_OPEN, 1);
    ring.putLong(tail, Chunk.header(Chunk.BEGIN, 8));
    ring.putLong(tail + Chunk.HEADER, length);
    ring.publishTail(tail + 2 * Chunk.HEADER);
    begun = true;
    return true;
  }

  private boolean stream() {
    int maxChunk = ring.capacity / 4;
    int minChunk = Math.min(MIN_CHUNK, ring.capacity / 8);
    while (written < length) {
      long tail = ring.tail();
      int remaining = length - written;
      long room = ring.free(tail) - Chunk.HEADER;
      if (room < Math.min(remaining, minChunk)) {
        return false;
      }
      int n = (int) Math.min(Math.min(remaining, room), maxChunk);
      int type = n == remaining ? Chunk.LAST : Chunk.MORE;
      ring.putLong(tail, Chunk.header(type, n));
      ring.put(tail + Chunk.HEADER, src, offset + written, n);
      written += n;
      if (type == Chunk.LAST) {
        ring.setIntAt(RingLayout.FRAME_OPEN, 0);
      }
      ring.publishTail(tail + Chunk.footprint(n));
    }
    return true;
  }
}
