package dev.interleave.internal.wire;

import dev.interleave.internal.shm.ProcessIdentity;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's listening socket, in a fresh temporary directory only the owner can open
 * (mode 0700); closing it removes socket and directory, and so does this JVM's exit for an
 * endpoint never closed. The directory is named {@code interleave-ipc-<pid>-<startMillis>-*}
 * after its creator, as a listener's is, so that one left by a creator killed with {@code kill
 * -9} is removed by a later process (see {@code SocketListener}).
 */
public final class Endpoint implements Closeable {
  /** Endpoints not closed yet; a shutdown hook removes their files. */
  private static final Set<Endpoint> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(Endpoint::removeFiles),
        "interleave-endpoint-cleanup"));
  }

  private final Path dir;
  private final Path socket;
  private final ServerSocketChannel server;

  private Endpoint(Path dir, Path socket, ServerSocketChannel server) {
    this.dir = dir;
    this.socket = socket;
    this.server = server;
  }

  /** Binds a new endpoint. */
  public static Endpoint open() throws IOException {
    ProcessIdentity me = ProcessIdentity.current();
    Path dir = Files.createTempDirectory("interleave-ipc-" + me.pid() + "-" + me.startMillis()
        + "-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path socket = dir.resolve("control.sock");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      server.close();
      Files.deleteIfExists(dir);
      throw e;
    }
    Endpoint endpoint = new Endpoint(dir, socket, server);
    OPEN.add(endpoint);
    return endpoint;
  }

  /** The socket's path, for workers to connect to. */
  public Path socket() {
    return socket;
  }

  /** Waits for the next worker to connect. */
  public Connection accept() throws IOException {
    return new Connection(server.accept());
  }

  @Override
  public void close() throws IOException {
    OPEN.remove(this);
    server.close();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }

  private void removeFiles() {
    try {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // what is left is swept by a later process
    }
  }
}
