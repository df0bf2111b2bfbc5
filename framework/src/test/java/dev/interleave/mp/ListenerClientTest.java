package dev.interleave.mp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.NotSerializableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Listener and Client over Unix domain sockets, within one JVM and across JVMs. */
@Timeout(60)
class ListenerClientTest {
  private static final byte[] KEY = "secret".getBytes(StandardCharsets.UTF_8);
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void aClientAndTheListenerExchangeMessagesAfterAuthenticating() throws Exception {
    try (Listener listener = new Listener(null, KEY)) {
      Future<Connection> accepted = pool.submit(listener::accept);
      try (Connection client = Client.connect(listener.address(), KEY);
          Connection server = accepted.get(10, TimeUnit.SECONDS)) {
        client.send(List.of("hello", 1));
        assertEquals(List.of("hello", 1), server.recv());
        byte[] big = new byte[5 << 20];
        big[big.length - 1] = 3;
        Future<?> sent = pool.submit(() -> {
          server.sendBytes(big); // larger than the socket buffer: needs the reader below
          return null;
        });
        assertArrayEquals(big, client.recvBytes());
        sent.get(10, TimeUnit.SECONDS);
        assertThrows(BufferTooShortException.class, () -> {
          server.sendBytes(new byte[10]);
          client.recvBytesInto(new byte[4]);
        });
        client.close();
        assertTrue(server.poll(Duration.ofSeconds(5)), "end-of-file is readable");
        assertThrows(ConnectionEOFException.class, server::recv);
      }
    }
  }

  @Test
  void aWrongKeyFailsBothSides() throws Exception {
    try (Listener listener = new Listener(null, KEY)) {
      Future<Connection> accepted = pool.submit(listener::accept);
      AuthenticationException client = assertThrows(AuthenticationException.class,
          () -> Client.connect(listener.address(), "wrong".getBytes(StandardCharsets.UTF_8)));
      assertTrue(client.getMessage().startsWith("digest sent was rejected"), client.getMessage());
      java.util.concurrent.ExecutionException e = assertThrows(
          java.util.concurrent.ExecutionException.class, () -> accepted.get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof AuthenticationException, String.valueOf(e.getCause()));
      assertTrue(e.getCause().getMessage().startsWith("digest received was wrong"));
    }
  }

  @Test
  void theDefaultAddressIsInAPrivateDirectoryRemovedOnClose() throws Exception {
    Path address;
    try (Listener listener = new Listener()) {
      address = listener.address();
      assertEquals("rwx------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(address.getParent())));
      assertTrue(Files.exists(address));
    }
    assertFalse(Files.exists(address));
    assertFalse(Files.exists(address.getParent()));
  }

  @Test
  void anAddressInADirectoryOthersCanOpenIsRefused() throws Exception {
    Path open = Files.createDirectory(dir.resolve("open"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Listener(open.resolve("s.sock"), null));
    assertTrue(e.getMessage().contains("is open to other users (rwxr-xr-x)"), e.getMessage());
    Path fresh = dir.resolve("fresh").resolve("s.sock");
    try (Listener listener = new Listener(fresh, null)) {
      assertEquals("rwx------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(fresh.getParent())));
    }
  }

  @Test
  void connectingToNothingFailsClearly() {
    ConnectionException e = assertThrows(ConnectionException.class,
        () -> Client.connect(dir.resolve("nobody.sock")));
    assertTrue(e.getMessage().startsWith("cannot connect to"), e.getMessage());
  }

  @Test
  void socketConnectionsCannotLeaveTheirProcessButWorkWithWait() throws Exception {
    try (Listener listener = new Listener()) {
      Future<Connection> accepted = pool.submit(listener::accept);
      try (Connection client = Client.connect(listener.address());
          Connection server = accepted.get(10, TimeUnit.SECONDS)) {
        assertThrows(NotSerializableException.class, () -> ConnectionHandOffTest.roundTrip(client));
        Pipe pipe = Pipe.open();
        List<Connection> both = List.of(server, pipe.first());
        assertEquals(List.of(), Connection.await(both, Duration.ofMillis(20)));
        client.send("x");
        assertEquals(List.of(server), Connection.await(both, Duration.ofSeconds(5)));
        pipe.first().close();
        pipe.second().close();
      }
    }
  }

  @Test
  void aChildConnectsWithTheKey() throws Exception {
    try (Listener listener = new Listener(null, KEY)) {
      Process child = new Process(ListenerClientTest::callBack, listener.address().toString(), KEY);
      child.start();
      try (Connection c = listener.accept()) {
        assertEquals("from child", c.recv());
      }
      assertTrue(child.join(Duration.ofSeconds(30)));
      assertEquals(OptionalInt.of(0), child.exitCode());
    }
  }

  @Test
  void aChildWithAWrongKeyIsRejectedOnBothSides() throws Exception {
    try (Listener listener = new Listener(null, KEY)) {
      Process child = new Process(ListenerClientTest::callBack, listener.address().toString(),
          "other".getBytes(StandardCharsets.UTF_8));
      child.start();
      assertThrows(AuthenticationException.class, listener::accept);
      assertTrue(child.join(Duration.ofSeconds(30)));
      assertEquals(OptionalInt.of(1), child.exitCode(), "the child's connect threw");
    }
  }

  @Test
  void aClientKilledMidMessageGivesEndOfFileAndNothingOfTheMessage() throws Exception {
    try (Listener listener = new Listener(null, KEY)) {
      Process child = new Process(ListenerClientTest::sendHuge, listener.address().toString(), KEY);
      child.start();
      try (Connection c = listener.accept()) {
        assertTrue(c.poll(Duration.ofSeconds(30)), "the message has started arriving");
        child.kill();
        assertTrue(child.join(Duration.ofSeconds(30)));
        ConnectionEOFException e = assertThrows(ConnectionEOFException.class, c::recvBytes);
        assertTrue(e.getMessage().contains("-byte message were discarded)"), e.getMessage());
      }
    }
  }

  static void sendHuge(String address, byte[] key) throws Exception {
    try (Connection c = Client.connect(Path.of(address), key)) {
      c.sendBytes(new byte[32 << 20]); // blocks: the listener does not read until the kill
    }
  }

  static void callBack(String address, byte[] key) throws Exception {
    try (Connection c = Client.connect(Path.of(address), key)) {
      c.send("from child");
    }
  }
}
