package dev.interleave.internal.ipc;

import dev.interleave.internal.ipc.IpcFailure.Kind;
import dev.interleave.internal.runtime.Op;
import dev.interleave.internal.runtime.Points;
import dev.interleave.internal.shm.ProcessIdentity;
import dev.interleave.internal.shm.SharedMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A listening Unix domain socket whose file lives in a directory only its owner can open, or a
 * listening TCP socket ({@link #bindTcp}), which anyone who can reach the port may connect to
 * (so its users authenticate peers).
 *
 * <p>Without an address, a fresh directory ({@code interleave-ipc-<pid>-<startMillis>-*}, mode
 * 0700, named after its creator) is made in the temporary directory and removed on {@link
 * #close()}. With one, its directory must be the caller's alone: it is created with mode 0700 if
 * missing, and an existing directory that group or others may enter is refused, because anyone
 * who can reach the socket file can connect. A listener never closed has its files removed when
 * the JVM exits normally; the directories of a creator killed with {@code kill -9} (which runs no
 * exit code) are removed by the next process that makes one, as stale segments are.
 */
public final class SocketListener implements AutoCloseable {
  private static final long SLICE_MILLIS = 50;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");
  private static final String DIR_PREFIX = "interleave-ipc-";
  private static final AtomicBoolean SWEPT = new AtomicBoolean();

  /** Listeners not closed yet; a shutdown hook removes their files. */
  private static final Set<SocketListener> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(SocketListener::removeUnclosed,
        "interleave-listener-cleanup"));
  }

  private final ServerSocketChannel server;
  private final Selector acceptable;
  private final Path address;
  private final Path ownDirectory;
  private final SocketAddress bound;
  private volatile SocketAddress lastAccepted;

  private SocketListener(ServerSocketChannel server, Path address, Path ownDirectory)
      throws IOException {
    this.server = server;
    this.address = address;
    this.ownDirectory = ownDirectory;
    this.bound = server.getLocalAddress();
    server.configureBlocking(false);
    this.acceptable = Selector.open();
    server.register(acceptable, SelectionKey.OP_ACCEPT);
    OPEN.add(this);
  }

  private static void removeUnclosed() {
    for (SocketListener l : OPEN) {
      l.removeFiles();
    }
  }

  /**
   * Binds a socket at {@code address}, or in a fresh private directory if it is null.
   *
   * @throws IllegalArgumentException if the address's directory is open to other users
   * @throws UncheckedIOException if the socket cannot be bound
   */
  public static SocketListener bind(Path address, int backlog) {
    Path own = null;
    try {
      if (address == null) {
        ProcessIdentity me = ProcessIdentity.current();
        own = Files.createTempDirectory(DIR_PREFIX + me.pid() + "-" + me.startMillis() + "-",
            PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        if (SWEPT.compareAndSet(false, true)) {
          sweepStale(own.getParent());
        }
        address = own.resolve("listener.sock");
      } else {
        address = address.toAbsolutePath();
        checkDirectory(address.getParent());
      }
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(address), backlog);
      return new SocketListener(server, address, own);
    } catch (IOException e) {
      deleteQuietly(own);
      throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  /** Removes the private directories, and their socket files, of creators no longer running. */
  static int sweepStale(Path parent) {
    int removed = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, DIR_PREFIX + "*")) {
      for (Path dir : dirs) {
        ProcessIdentity creator = creatorOf(dir.getFileName().toString());
        if (creator != null && !creator.isAlive() && Files.isDirectory(dir)) {
          try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            files.forEach(SocketListener::deleteQuietly);
          }
          deleteQuietly(dir);
          removed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // what is left is swept by a later process
    }
    return removed;
  }

  /** The creator named in a directory name, or null if it names none (an older name). */
  static ProcessIdentity creatorOf(String dirName) {
    return SharedMemory.creatorOf(SharedMemory.PREFIX + dirName.substring(DIR_PREFIX.length()));
  }

  private static void checkDirectory(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.setPosixFilePermissions(dir, OWNER_ONLY); // the umask may have narrowed it
      return;
    }
    String owner = Files.getOwner(dir).getName();
    if (!owner.equals(System.getProperty("user.name"))) {
      throw new IllegalArgumentException("socket directory " + dir + " belongs to " + owner
          + ", not to " + System.getProperty("user.name") + "; use a directory of your own");
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
    for (PosixFilePermission p : perms) {
      if (!p.name().startsWith("OWNER_")) {
        throw new IllegalArgumentException("socket directory " + dir + " is open to other users ("
            + PosixFilePermissions.toString(perms) + "); use a directory only you can open"
            + " (mode 0700), or no address for a private one");
      }
    }
  }

  /** The socket file's path; null for a TCP listener. */
  public Path address() {
    return address;
  }

  /** The bound address: a {@link UnixDomainSocketAddress} or an {@link InetSocketAddress}. */
  public SocketAddress socketAddress() {
    return bound;
  }

  /** The peer address of the last connection accepted, or null before the first. */
  public SocketAddress lastAccepted() {
    return lastAccepted;
  }

  /**
   * Binds a TCP socket at {@code address} (port 0 picks a free port).
   *
   * @throws UncheckedIOException if the socket cannot be bound
   */
  public static SocketListener bindTcp(InetSocketAddress address, int backlog) {
    try {
      ServerSocketChannel server = ServerSocketChannel.open();
      server.bind(address, backlog);
      return new SocketListener(server, null, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  /** Connects to the TCP listener at {@code address}. */
  public static SocketTransport connectTcp(InetSocketAddress address) {
    Points.point(Op.CONNECT, pointId(address), "connect");
    try {
      SocketChannel c = SocketChannel.open(address);
      c.setOption(StandardSocketOptions.TCP_NODELAY, true);
      return new SocketTransport(c, address.getHostString() + ":" + address.getPort());
    } catch (IOException e) {
      throw new IpcFailure(Kind.IO, "cannot connect to " + address + ": " + e, e);
    }
  }

  private String describe() {
    return address != null ? address.toString() : String.valueOf(bound);
  }

  /**
   * The scheduling-point object of the listener at {@code address}: a Unix socket by its file
   * name, a TCP socket by its port, so that an accept and the connects it waits for meet.
   */
  static String pointId(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      return "listener:" + inet.getPort();
    }
    Path path = address instanceof UnixDomainSocketAddress unix ? unix.getPath() : null;
    return "listener:" + (path == null ? String.valueOf(address) : path.getFileName());
  }

  /**
   * Waits for a connection, in slices so that an interrupt ends the wait; under the harness the
   * wait is a blocked step that a client's connect makes runnable again.
   */
  public SocketTransport accept() throws InterruptedException {
    if (Points.controlled()) {
      SocketTransport[] got = new SocketTransport[1];
      Points.await(Op.ACCEPT, pointId(bound), "accept", () -> {
        try {
          SocketChannel c = server.accept();
          got[0] = c == null ? null : accepted(c);
          return c != null;
        } catch (IOException e) {
          throw new IpcFailure(Kind.IO, "cannot accept on " + describe() + ": " + e.getMessage(),
              e);
        }
      }, -1, null);
      return got[0];
    }
    try {
      while (true) {
        SocketChannel c = server.accept();
        if (c != null) {
          return accepted(c);
        }
        acceptable.select(SLICE_MILLIS);
        acceptable.selectedKeys().clear();
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        if (!server.isOpen()) {
          throw new IpcFailure(Kind.IO, "listener at " + describe() + " was closed");
        }
      }
    } catch (IOException e) {
      throw new IpcFailure(Kind.IO, "cannot accept on " + describe() + ": " + e.getMessage(), e);
    }
  }

  private SocketTransport accepted(SocketChannel c) throws IOException {
    lastAccepted = c.getRemoteAddress();
    if (address == null) {
      c.setOption(StandardSocketOptions.TCP_NODELAY, true);
      return new SocketTransport(c, String.valueOf(bound).replaceFirst("^/", ""));
    }
    return new SocketTransport(c, address.getFileName().toString());
  }

  /** Connects to the listener at {@code address}. */
  public static SocketTransport connect(Path address) {
    Points.point(Op.CONNECT, pointId(UnixDomainSocketAddress.of(address)), "connect");
    try {
      SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(address));
      return new SocketTransport(c, address.getFileName().toString());
    } catch (IOException e) {
      throw new IpcFailure(Kind.IO, "cannot connect to " + address + ": " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      acceptable.close();
    } catch (IOException e) {
      // nothing to recover when closing
    }
    OPEN.remove(this);
    removeFiles();
  }

  private void removeFiles() {
    if (address == null) {
      return;
    }
    deleteQuietly(address);
    deleteQuietly(ownDirectory);
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a leftover file in a private directory harms nobody
      }
    }
  }
}
