package dev.interleave.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interleave.internal.wire.Message.Abort;
import dev.interleave.internal.wire.Message.Arrive;
import dev.interleave.internal.wire.Message.Assign;
import dev.interleave.internal.wire.Message.Exited;
import dev.interleave.internal.wire.Message.Go;
import dev.interleave.internal.wire.Message.Hello;
import dev.interleave.internal.wire.Message.Kind;
import dev.interleave.internal.wire.Message.Shutdown;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames over a real Unix domain socket, every message kind, reader beside writer. */
@Timeout(30)
class HarnessWireTest {

  @Test
  void everyMessageSurvivesAFrameRoundTrip() throws Exception {
    List<Message> messages = List.of(
        new Hello(3, 1234, "token"),
        new Arrive(7, Kind.BLOCKED, "ACQUIRE", "lock#1", "acquire", "A.java:3", "Process-2", 99),
        new Arrive(7, Kind.POINT, "USER", null, null, null, null, -1),
        new Exited(7, 1, "java.lang.IllegalStateException: boom\n\tat A.run(A.java:1)",
            "printed\n", null),
        new Message.Signal(7, 3, true),
        new Message.Status(7, 3),
        new Message.ChildState(7, 3, 4321, false, -15, null),
        new Message.ChildState(7, -1, 0, false, 0, "the harness worker is gone"),
        new Go(7, 1_000_000_000L, true),
        new Abort(7),
        new Shutdown());
    try (Endpoint endpoint = Endpoint.open();
        Connection client = Connection.connect(endpoint.socket());
        Connection server = endpoint.accept()) {
      for (Message m : messages) {
        client.send(m);
        assertThat(server.receive()).isEqualTo(m);
      }
      Assign assign = new Assign(7, 2, "Process-2", false, "MainProcess", 42, new byte[] {1, 2, 3},
          true, 5, false);
      server.send(assign);
      Assign back = (Assign) client.receive();
      assertThat(back.payload()).containsExactly(1, 2, 3);
      assertThat(back.name()).isEqualTo("Process-2");
      assertThat(back.noiseSeed()).isEqualTo(5);
      assertThat(back.controlled()).isTrue();
      assertThat(back.sites()).isFalse();
      client.send(new Message.Spawn(7, "Process-1:1", true, new byte[] {4, 5}));
      Message.Spawn spawn = (Message.Spawn) server.receive();
      assertThat(spawn.payload()).containsExactly(4, 5);
      assertThat(spawn.name()).isEqualTo("Process-1:1");
      assertThat(spawn.daemon()).isTrue();
    }
  }

  @Test
  void theDecoderReassemblesFramesReadInPieces() throws Exception {
    try (Endpoint endpoint = Endpoint.open();
        Connection client = Connection.connect(endpoint.socket());
        Connection server = endpoint.accept()) {
      java.nio.channels.SocketChannel ch = server.nonBlocking();
      Message big = new Exited(9, 1, "x".repeat(100_000), "y".repeat(16_000), "");
      client.send(new Go(9, 1, false));
      client.send(big);
      FrameDecoder decoder = new FrameDecoder();
      java.util.List<Message> got = new java.util.ArrayList<>();
      java.nio.ByteBuffer piece = java.nio.ByteBuffer.allocate(777);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (got.size() < 2 && System.nanoTime() < deadline) {
        piece.clear();
        if (ch.read(piece) > 0) {
          piece.flip();
          got.addAll(decoder.feed(piece));
        } else {
          Thread.onSpinWait();
        }
      }
      assertThat(got).containsExactly(new Go(9, 1, false), big);
    }
  }

  @Test
  void theEndpointLivesInADirectoryOnlyItsOwnerCanOpenAndIsRemovedOnClose() throws Exception {
    Endpoint endpoint = Endpoint.open();
    java.nio.file.Path dir = endpoint.socket().getParent();
    assertThat(Files.getPosixFilePermissions(dir)).containsExactlyInAnyOrder(
        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
        java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
    endpoint.close();
    assertThat(dir).doesNotExist();
  }
}
