package dev.interleave.mp;

import dev.interleave.internal.ipc.AuthKeys;
import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.ipc.IpcFailure;
import dev.interleave.internal.ipc.SocketListener;
import dev.interleave.internal.ipc.SocketTransport;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A server socket accepting {@link Connection}s from {@link Client#connect}, as CPython's {@code
 * multiprocessing.connection.Listener}: a Unix domain socket whose messages use the same framing
 * as pipes.
 *
 * <p><b>Address.</b> Without one, the socket is created in a fresh directory that only this user
 * can open (mode 0700), removed on {@link #close()}. A given address must be in a directory of
 * this user's that group and others cannot open (created with mode 0700 if missing); anything
 * else is refused, since whoever can reach the socket file can connect.
 *
 * <p><b>Authentication.</b> With an authentication key, {@link #accept()} runs an HMAC-SHA256
 * challenge in both directions before returning the connection and before anything received on
 * it is deserialized; a client without the same key fails with {@link AuthenticationException}
 * on both sides.
 *
 * <p><b>TCP.</b> {@link #tcp(InetSocketAddress, byte[], SerialFilter)} listens on a host
 * and port instead (port 0 picks a free one; see {@link #socketAddress()}). Anyone who can reach
 * the port can connect, so a TCP listener always authenticates: without a key it uses the
 * process tree's default key, which children inherit (system property {@code
 * interleave.authkey}, made at random by the first process that needs it).
 *
 * <p>Connections made here cannot be passed to other processes (a JVM cannot hand over a
 * socket); pass the address instead. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Listener implements AutoCloseable {
  private static final int BACKLOG = 16;

  private final SocketListener socket;
  private final byte[] authkey;
  private final ClassRules rules;

  /** A listener in a fresh private directory, without authentication. */
  public Listener() {
    this(null, null);
  }

  /**
   * A listener at {@code address} (or in a fresh private directory if null), authenticating
   * clients with {@code authkey} (none if null).
   *
   * @throws IllegalArgumentException if the address's directory is open to other users
   * @throws java.io.UncheckedIOException if the socket cannot be bound (the address is in use,
   *     for example)
   */
  public Listener(Path address, byte[] authkey) {
    this(address, authkey, SerialFilter.defaults());
  }

  /** As {@link #Listener(Path, byte[])}, deserializing received objects through {@code filter}. */
  public Listener(Path address, byte[] authkey, SerialFilter filter) {
    this.rules = Objects.requireNonNull(filter, "filter").rules();
    this.authkey = authkey == null ? null : authkey.clone();
    this.socket = SocketListener.bind(address, BACKLOG);
  }

  /**
   * Waits for a client and returns the connection to it, after the authentication handshake if
   * this listener has a key.
   *
   * @throws AuthenticationException if the client does not have the same key (its connection
   *     is closed)
   * @throws ConnectionException if the listener is closed or the socket fails
   * @throws InterruptedException if interrupted while waiting
   */
  public Connection accept() throws InterruptedException {
    SocketTransport transport;
    try {
      transport = socket.accept();
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
    return Client.authenticated(transport, authkey, rules, true);
  }

  /**
   * A TCP listener on {@code address}, authenticating clients with {@code authkey}, or with the
   * process tree's default key if it is null; see {@link #tcp(InetSocketAddress, byte[],
   * SerialFilter)}.
   */
  public static Listener tcp(InetSocketAddress address, byte[] authkey) {
    return tcp(address, authkey, SerialFilter.defaults());
  }

  /**
   * A TCP listener on {@code address} (port 0 picks a free port), authenticating clients with
   * {@code authkey}, or with the process tree's default key if it is null, and deserializing
   * received objects through {@code filter}.
   *
   * @throws java.io.UncheckedIOException if the socket cannot be bound
   */
  public static Listener tcp(InetSocketAddress address, byte[] authkey, SerialFilter filter) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(filter, "filter");
    return new Listener(SocketListener.bindTcp(address, BACKLOG),
        authkey == null ? AuthKeys.processDefault() : authkey, filter);
  }

  private Listener(SocketListener socket, byte[] authkey, SerialFilter filter) {
    this.rules = Objects.requireNonNull(filter, "filter").rules();
    this.authkey = authkey.clone();
    this.socket = socket;
  }

  /**
   * The socket file's path.
   *
   * @throws IllegalStateException if this is a TCP listener (see {@link #socketAddress()})
   */
  public Path address() {
    Path path = socket.address();
    if (path == null) {
      throw new IllegalStateException(this + " listens on TCP, not on a socket file; use"
          + " socketAddress()");
    }
    return path;
  }

  /**
   * The address bound: a {@link java.net.UnixDomainSocketAddress}, or for TCP an {@link
   * InetSocketAddress} with the actual port.
   */
  public SocketAddress socketAddress() {
    return socket.socketAddress();
  }

  /**
   * The peer address of the connection {@link #accept()} last returned (CPython's {@code
   * last_accepted}), empty before the first. A Unix domain client's address is usually unnamed.
   */
  public Optional<SocketAddress> lastAccepted() {
    return Optional.ofNullable(socket.lastAccepted());
  }

  /** Stops listening and removes the socket file (and the private directory it made). */
  @Override
  public void close() {
    socket.close();
  }

  @Override
  public String toString() {
    return "Listener[" + socket.socketAddress() + (authkey == null ? "]" : ", authenticated]");
  }
}
