package dev.interleave.mp;

import dev.interleave.internal.ipc.AuthKeys;
import dev.interleave.internal.ipc.ClassRules;
import dev.interleave.internal.ipc.Handshake;
import dev.interleave.internal.ipc.IpcFailure;
import dev.interleave.internal.ipc.SocketListener;
import dev.interleave.internal.ipc.SocketTransport;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Connects to a {@link Listener}, as CPython's {@code multiprocessing.connection.Client}.
 *
 * <pre>{@code
 * try (Connection c = Client.connect(listenerAddress, key)) {
 *   c.send(request);
 *   Object reply = c.recv();
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Client {
  private Client() {}

  /** Connects without authentication. See {@link #connect(Path, byte[], SerialFilter)}. */
  public static Connection connect(Path address) throws InterruptedException {
    return connect(address, null, SerialFilter.defaults());
  }

  /** Connects with {@code authkey}. See {@link #connect(Path, byte[], SerialFilter)}. */
  public static Connection connect(Path address, byte[] authkey) throws InterruptedException {
    return connect(address, authkey, SerialFilter.defaults());
  }

  /**
   * Connects to the listener at {@code address} and, with an authentication key, runs the HMAC
   * challenge in both directions before returning; received objects are deserialized through
   * {@code filter}.
   *
   * @throws AuthenticationException if the listener does not have the same key
   * @throws ConnectionException if nothing listens at {@code address}
   * @throws InterruptedException if interrupted during the handshake
   */
  public static Connection connect(Path address, byte[] authkey, SerialFilter filter)
      throws InterruptedException {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(filter, "filter");
    return open(() -> SocketListener.connect(address), authkey, filter);
  }

  /**
   * Connects to the TCP listener at {@code address} with {@code authkey}, or with the process
   * tree's default key if it is null (see {@link Listener}); see {@link #connect(InetSocketAddress,
   * byte[], SerialFilter)}.
   */
  public static Connection connect(InetSocketAddress address, byte[] authkey)
      throws InterruptedException {
    return connect(address, authkey, SerialFilter.defaults());
  }

  /**
   * Connects to the TCP listener at {@code address} and runs the HMAC challenge in both
   * directions with {@code authkey} (the process tree's default key if null) before returning;
   * received objects are deserialized through {@code filter}.
   *
   * @throws AuthenticationException if the listener does not have the same key, or does not
   *     complete the handshake in time
   * @throws ConnectionException if nothing listens at {@code address}
   * @throws InterruptedException if interrupted during the handshake
   */
  public static Connection connect(InetSocketAddress address, byte[] authkey, SerialFilter filter)
      throws InterruptedException {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(filter, "filter");
    byte[] key = authkey == null ? AuthKeys.processDefault() : authkey;
    return open(() -> SocketListener.connectTcp(address), key, filter);
  }

  private static Connection open(Supplier<SocketTransport> connect, byte[] authkey,
      SerialFilter filter) throws InterruptedException {
    SocketTransport transport;
    try {
      transport = connect.get();
    } catch (IpcFailure f) {
      throw Failures.translate(f);
    }
    return authenticated(transport, authkey, filter.rules(), false);
  }

  /** Runs the handshake on a new socket (closing it if that fails) and wraps it. */
  static Connection authenticated(SocketTransport transport, byte[] authkey, ClassRules rules,
      boolean listener) throws InterruptedException {
    try {
      if (authkey != null) {
        if (listener) {
          Handshake.asListener(transport, authkey);
        } else {
          Handshake.asClient(transport, authkey);
        }
      }
      return new Connection(transport, rules);
    } catch (IpcFailure f) {
      transport.close();
      throw Failures.translate(f);
    } catch (InterruptedException | RuntimeException e) {
      transport.close();
      throw e;
    }
  }
}
