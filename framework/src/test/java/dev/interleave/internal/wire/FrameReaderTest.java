package dev.interleave.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one frame format, read in pieces, against broken and lying headers. */
@Timeout(30)
class FrameReaderTest {

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + n);
    }
    return b;
  }

  /** The frames of {@code payloads}, back to back, as they travel. */
  private static ByteBuffer stream(byte[]... payloads) {
    int size = 0;
    for (byte[] p : payloads) {
      size += Frames.HEADER + p.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    for (byte[] p : payloads) {
      for (ByteBuffer part : Frames.frame(p, 0, p.length)) {
        out.put(part);
      }
    }
    return out.flip();
  }

  private static ByteBuffer header(long length) {
    return ByteBuffer.allocate(Frames.HEADER).putLong(0, length);
  }

  @Test
  void framesFedOneByteAtATimeComeOutWhole() throws Exception {
    byte[][] payloads = {bytes(0), bytes(1), bytes(8), bytes(3000), bytes(0)};
    ByteBuffer all = stream(payloads);
    FrameReader reader = new FrameReader("test");
    List<byte[]> got = new ArrayList<>();
    while (all.hasRemaining()) {
      ByteBuffer one = all.slice(all.position(), 1);
      all.position(all.position() + 1);
      while (reader.feed(one)) {
        got.add(reader.take());
      }
    }
    assertThat(got).containsExactly(payloads);
    assertThat(reader.midFrame()).isFalse();
  }

  @Test
  void aFrameGoesIntoTheCallersBufferOnlyWhenItFits() throws Exception {
    FrameReader reader = new FrameReader("test");
    byte[] buf = new byte[10];
    reader.into(buf, 4);
    assertThat(reader.feed(stream(bytes(6)))).isTrue();
    assertThat(reader.inCallerBuffer()).isTrue();
    assertThat(reader.length()).isEqualTo(6);
    assertThat(reader.take()).isSameAs(buf);
    assertThat(java.util.Arrays.copyOfRange(buf, 4, 10)).containsExactly(bytes(6));
    reader.into(buf, 4);
    assertThat(reader.feed(stream(bytes(7)))).isTrue();
    assertThat(reader.inCallerBuffer()).isFalse();
    assertThat(reader.take()).containsExactly(bytes(7));
  }

  @Test
  void aHeaderAnnouncingGigabytesAllocatesOnlyAsBytesArrive() throws Exception {
    FrameReader reader = new FrameReader("test");
    assertThat(reader.feed(stream(bytes(1)))).isTrue(); // loads what reading needs
    reader.take();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThat(reader.feed(header(Frames.MAX_ARRAY))).isFalse();
    assertThat(reader.feed(ByteBuffer.wrap(bytes(10)))).isFalse();
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated").isLessThan(16L * Frames.FIRST_ALLOCATION);
    assertThat(reader.endOfStream()).hasMessage("end of file on test: the peer closed the"
        + " connection (the 10 bytes received of its last 2147483639-byte message were"
        + " discarded)");
    assertThat(reader.midFrame()).isFalse();
  }

  @Test
  void theEndOfTheStreamSaysWhatOfAFrameWasDiscarded() throws Exception {
    FrameReader reader = new FrameReader("test");
    assertThat(reader.endOfStream()).hasMessage(
        "end of file on test: the peer closed the connection");
    reader.feed(ByteBuffer.wrap(new byte[3]));
    assertThat(reader.endOfStream()).hasMessage("end of file on test: the peer closed the"
        + " connection (the 3 bytes received of its last frame header were discarded)");
  }

  @Test
  void aChannelThatEndsMidFrameIsEndOfFileAndANegativeLengthIsCorrupt() throws Exception {
    Pipe pipe = Pipe.open();
    pipe.source().configureBlocking(false);
    FrameReader reader = new FrameReader("pipe");
    pipe.sink().write(header(5));
    pipe.sink().write(ByteBuffer.wrap(bytes(5), 0, 2));
    assertThat(reader.read(pipe.source())).isFalse();
    pipe.sink().write(ByteBuffer.wrap(bytes(5), 2, 3));
    pipe.sink().write(header(-1));
    assertThat(reader.read(pipe.source())).isTrue();
    assertThat(reader.take()).containsExactly(bytes(5));
    assertThatThrownBy(() -> reader.read(pipe.source())).isInstanceOf(FrameException.class)
        .hasMessage("corrupt frame on pipe: length -1")
        .matches(e -> !((FrameException) e).tooLong());
    pipe.sink().write(header(4));
    pipe.sink().write(ByteBuffer.wrap(bytes(1)));
    pipe.sink().close();
    assertThatThrownBy(() -> {
      while (!reader.read(pipe.source())) {
        Thread.onSpinWait();
      }
    }).isInstanceOf(EOFException.class).hasMessageContaining(
        "the 1 bytes received of its last 4-byte message were discarded");
  }

  @Test
  void aFrameAboveTheLimitIsRefusedBeforeItsPayloadAndTheNextOneReads() throws Exception {
    FrameReader reader = new FrameReader("test");
    reader.limit(99);
    assertThatThrownBy(() -> reader.feed(header(100))).isInstanceOf(FrameException.class)
        .hasMessage("bad message length: 100 bytes exceeds the limit of 99")
        .matches(e -> ((FrameException) e).tooLong());
    reader.limit(FrameReader.NO_LIMIT);
    assertThatThrownBy(() -> reader.feed(header(Frames.MAX_ARRAY + 1L)))
        .hasMessage("message of 2147483640 bytes does not fit in a Java array");
    assertThat(reader.feed(stream(bytes(99)))).isTrue();
    assertThat(reader.take()).containsExactly(bytes(99));
  }
}
