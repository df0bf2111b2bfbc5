package dev.interleave.internal.wire;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The controller's listening socket, in a fresh temporary directory only the owner can open
 * (mode 0700); closing it removes socket and directory.
 */
public final class Endpoint implements Closeable {
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
    Path dir = Files.createTempDirectory("interleave-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path socket = dir.resolve("control.sock");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return new Endpoint(dir, socket, server);
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
    server.close();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }
}
