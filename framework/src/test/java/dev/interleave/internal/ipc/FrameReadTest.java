package dev.interleave.internal.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames in a ring: streaming, wrap-around, and what a reader does with broken ones. */
@Timeout(30)
class FrameReadTest {

  private static byte[] read(Ring ring) {
    FrameRead r = new FrameRead(ring, Long.MAX_VALUE, null, 0);
    assertTrue(r.advance(), "a whole frame is there");
    return r.target();
  }

  /** A BEGIN chunk's payload: the frame length, in the ring's (native) byte order. */
  private static byte[] begin(long length) {
    return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, length).array();
  }

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed + i * 13);
    }
    return b;
  }

  @Test
  void framesOfEverySizeWrapAroundTheRing() {
    Ring ring = Fixtures.ring(4096);
    for (int n : new int[] {0, 1, 7, 8, 1000, 1023, 1024, 1025, 3000}) {
      byte[] msg = bytes(n, n);
      FrameWrite w = new FrameWrite(ring, msg, 0, n);
      FrameRead r = new FrameRead(ring, Long.MAX_VALUE, null, 0);
      boolean written = false;
      boolean complete = false;
      while (!complete) {
        written = written || w.advance();
        complete = r.advance();
      }
      assertTrue(written);
      assertArrayEquals(msg, r.target(), "frame of " + n);
    }
  }

  @Test
  void aChunkOverrunningThePublishedBytesIsCorrupt() {
    Ring ring = Fixtures.ring(4096);
    long tail = ring.tail();
    ring.putLong(tail, Chunk.header(Chunk.SINGLE, 5000));
    ring.publishTail(tail + 16);
    IpcFailure f = assertThrows(IpcFailure.class, () -> read(ring));
    assertEquals(IpcFailure.Kind.CORRUPT_FRAME, f.kind());
    assertTrue(f.getMessage().contains("overruns"), f.getMessage());
  }

  @Test
  void anUnknownChunkTypeIsCorrupt() {
    Ring ring = Fixtures.ring(4096);
    Fixtures.rawChunk(ring, 42, new byte[3]);
    IpcFailure f = assertThrows(IpcFailure.class, () -> read(ring));
    assertEquals(IpcFailure.Kind.CORRUPT_FRAME, f.kind());
  }

  @Test
  void anAbortedFrameIsDroppedAndTheReadGoesOnWithTheNextFrame() {
    Ring ring = Fixtures.ring(4096);
    Fixtures.rawChunk(ring, Chunk.BEGIN, begin(5000));
    Fixtures.rawChunk(ring, Chunk.MORE, bytes(1000, 1));
    Fixtures.rawChunk(ring, Chunk.ABORT, new byte[0]);
    Fixtures.rawChunk(ring, Chunk.SINGLE, bytes(10, 2));
    assertArrayEquals(bytes(10, 2), read(ring));
    assertTrue(ring.isEmpty());
  }

  @Test
  void aFrameStartingInTheMiddleOfAnotherReplacesIt() {
    Ring ring = Fixtures.ring(4096);
    Fixtures.rawChunk(ring, Chunk.BEGIN, begin(5000));
    Fixtures.rawChunk(ring, Chunk.MORE, bytes(100, 1));
    Fixtures.rawChunk(ring, Chunk.SINGLE, bytes(10, 3));
    assertArrayEquals(bytes(10, 3), read(ring));
  }

  @Test
  void chunksOfAnAbandonedFrameAreSkipped() {
    Ring ring = Fixtures.ring(4096);
    Fixtures.rawChunk(ring, Chunk.MORE, bytes(100, 1));
    Fixtures.rawChunk(ring, Chunk.LAST, bytes(100, 1));
    Fixtures.rawChunk(ring, Chunk.SINGLE, bytes(4, 5));
    assertArrayEquals(bytes(4, 5), read(ring));
    assertTrue(ring.isEmpty());
  }

  @Test
  void aWriterTakingOverFromADeadOneEndsItsFrameFirst() throws Exception {
    Ring ring = Fixtures.ring(4096);
    byte[] big = bytes(20_000, 9);
    FrameWrite dead = new FrameWrite(ring, big, 0, big.length);
    assertFalse(dead.advance(), "the ring fills up mid-frame");
    FrameRead reader = new FrameRead(ring, Long.MAX_VALUE, null, 0);
    Fixtures.holdLock(ring, RingLayout.WRITER_LOCK, Fixtures.deadToken());
    assertEquals(OwnerLock.Acquired.RECOVERED, ring.writerLock.tryLock(true));
    FrameWrite next = new FrameWrite(ring, bytes(1000, 7), 0, 1000);
    next.repairFirst();
    assertFalse(next.advance(), "no room until the reader moves");
    assertFalse(reader.advance(), "the reader takes what the dead writer published");
    assertTrue(next.advance(), "an ABORT chunk, then the new frame");
    assertTrue(reader.advance(), "the dead writer's frame is dropped, the new one read");
    assertArrayEquals(bytes(1000, 7), reader.target());
  }

  @Test
  void aHeaderAnnouncingGigabytesAllocatesOnlyWhatArrives() {
    Ring ring = Fixtures.ring(4096);
    Fixtures.rawChunk(ring, Chunk.BEGIN, begin(Integer.MAX_VALUE - 16));
    Fixtures.rawChunk(ring, Chunk.MORE, bytes(1000, 1));
    FrameRead r = new FrameRead(ring, Long.MAX_VALUE, null, 0);
    assertFalse(r.advance());
    assertEquals(FrameRead.FIRST_ALLOCATION, r.target().length, "not 2 GiB");
  }

  @Test
  void aFrameLongerThanTheLimitIsSkippedWhole() {
    Ring ring = Fixtures.ring(4096);
    Fixtures.rawChunk(ring, Chunk.SINGLE, bytes(100, 1));
    Fixtures.rawChunk(ring, Chunk.SINGLE, bytes(3, 2));
    FrameRead r = new FrameRead(ring, 50, null, 0);
    IpcFailure f = assertThrows(IpcFailure.class, r::advance);
    assertEquals(IpcFailure.Kind.TOO_LONG, f.kind());
    assertArrayEquals(bytes(3, 2), read(ring));
  }
}
