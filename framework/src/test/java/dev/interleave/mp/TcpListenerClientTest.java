package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Listener and Client over TCP, with child JVMs as clients. */
@Timeout(120)
class TcpListenerClientTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final byte[] KEY = "secret".getBytes(StandardCharsets.UTF_8);

  private static InetSocketAddress anyPort() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  @Test
  void aChildConnectsByHostAndPortAndTheListenerKnowsItsAddress() throws Exception {
    try (Listener listener = Listener.tcp(anyPort(), KEY)) {
      InetSocketAddress at = (InetSocketAddress) listener.socketAddress();
      assertTrue(at.getPort() > 0, "a free port was picked: " + at);
      assertTrue(listener.lastAccepted().isEmpty());
      Process child = new Process(TcpListenerClientTest::echoOnce, at.getPort(), KEY);
      child.start();
      try (Connection c = listener.accept()) {
        c.send("ping");
        assertEquals("echo ping", c.recv());
        InetSocketAddress peer = (InetSocketAddress) listener.lastAccepted().orElseThrow();
        assertEquals(InetAddress.getLoopbackAddress(), peer.getAddress());
      }
      assertTrue(child.join(WAIT));
      assertEquals(OptionalInt.of(0), child.exitCode());
      assertThrows(IllegalStateException.class, listener::address, "no socket file for TCP");
    }
  }

  @Test
  void withoutAKeyBothSidesUseTheProcessTreesDefaultKey() throws Exception {
    try (Listener listener = Listener.tcp(anyPort(), null)) {
      int port = ((InetSocketAddress) listener.socketAddress()).getPort();
      Process child = new Process(TcpListenerClientTest::echoOnce, port, (byte[]) null);
      child.start();
      try (Connection c = listener.accept()) {
        c.send("ping");
        assertEquals("echo ping", c.recv());
      }
      assertTrue(child.join(WAIT));
    }
  }

  @Test
  void aClientWithAnotherKeyIsRefused() throws Exception {
    try (Listener listener = Listener.tcp(anyPort(), KEY)) {
      int port = ((InetSocketAddress) listener.socketAddress()).getPort();
      Process child = new Process(TcpListenerClientTest::echoOnce, port,
          "other".getBytes(StandardCharsets.UTF_8));
      child.start();
      assertThrows(AuthenticationException.class, listener::accept);
      assertTrue(child.join(WAIT));
      assertEquals(OptionalInt.of(1), child.exitCode(), "the child's connect threw");
    }
  }

  static void echoOnce(Integer port, byte[] key) throws Exception {
    InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    try (Connection c = Client.connect(at, key)) {
      c.send("echo " + c.recv());
    }
  }
}
