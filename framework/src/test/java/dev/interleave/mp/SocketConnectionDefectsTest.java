package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Socket connections against silent, lying and careless peers, some in child JVMs. */
@Timeout(120)
class SocketConnectionDefectsTest {
  private static final byte[] KEY = "secret".getBytes(StandardCharsets.UTF_8);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
    System.clearProperty("interleave.ipc.handshakeMillis");
  }

  @Test
  void pollAnswersWhileAnotherThreadIsBlockedInRecv() throws Exception {
    try (Listener listener = new Listener(null, KEY)) {
      Pipe go = Pipe.open(false);
      Process child = new Process(SocketConnectionDefectsTest::sendWhenTold,
          listener.address().toString(), KEY, go.first());
      child.start();
      try (Connection c = listener.accept()) {
        Future<Object> blocked = pool.submit(() -> c.recv());
        assertTimeoutPreemptively(WAIT, () -> assertFalse(c.poll(Duration.ofMillis(100)),
            "nothing sent yet, and poll does not wait for the blocked recv"));
        go.second().send("go");
        assertEquals("late", blocked.get(WAIT.toSeconds(), TimeUnit.SECONDS));
      } finally {
        assertTrue(child.join(WAIT));
      }
    }
  }

  static void sendWhenTold(String address, byte[] key, Connection go) throws Exception {
    try (Connection c = Client.connect(Path.of(address), key)) {
      go.recv();
      c.send("late");
    }
  }

  @Test
  void aSilentPeerFailsTheHandshakeInsteadOfBlockingAccept() throws Exception {
    System.setProperty("interleave.ipc.handshakeMillis", "300");
    try (Listener listener = new Listener(null, KEY);
        SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      silent.connect(UnixDomainSocketAddress.of(listener.address()));
      AuthenticationException e = assertTimeoutPreemptively(WAIT,
          () -> assertThrows(AuthenticationException.class, listener::accept));
      assertTrue(e.getMessage().contains("no reply"), e.getMessage());
    }
  }

  @Test
  void aListenerThatHangsUpMidHandshakeIsAConnectionFailureNotAWrongKey() throws Exception {
    Path dir = Files.createTempDirectory("interleave-hangup");
    Path at = dir.resolve("hangup.sock");
    try (java.nio.channels.ServerSocketChannel server =
        java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(at));
      Future<?> hangUp = pool.submit(() -> {
        server.accept().close(); // a manager shutting down: accepted, then gone
        return null;
      });
      // before: AuthenticationException ("authentication with the peer ... failed")
      assertTimeoutPreemptively(WAIT,
          () -> assertThrows(ConnectionException.class, () -> Client.connect(at, KEY)));
      hangUp.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } finally {
      Files.deleteIfExists(at);
      Files.delete(dir);
    }
  }

  @Test
  void aHeaderAnnouncingGigabytesAllocatesNothingAndItsPeersEndIsEndOfFile() throws Exception {
    try (Listener listener = new Listener(null, null);
        SocketChannel liar = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      liar.connect(UnixDomainSocketAddress.of(listener.address()));
      try (Connection c = listener.accept()) {
        liar.write(ByteBuffer.allocate(18).putLong(0, Integer.MAX_VALUE - 16L));
        liar.close();
        ConnectionEOFException e = assertThrows(ConnectionEOFException.class, c::recvBytes);
        assertTrue(e.getMessage().contains("the 10 bytes received of its last 2147483631-byte"
            + " message were discarded"), e.getMessage());
      }
    }
  }

  @Test
  void aListenerNeverClosedRemovesItsSocketDirectoryAtExit() throws Exception {
    Pipe report = Pipe.open(false);
    Process child = new Process(SocketConnectionDefectsTest::listenAndForget, report.second());
    child.start();
    report.second().close();
    Path address = Path.of((String) report.first().recv());
    assertTrue(child.join(WAIT));
    assertEquals(OptionalInt.of(0), child.exitCode());
    assertFalse(Files.exists(address.getParent()), "socket directory removed: " + address);
  }

  static void listenAndForget(Connection report) throws Exception {
    Listener listener = new Listener(null, KEY);
    report.send(listener.address().toString());
  }
}
