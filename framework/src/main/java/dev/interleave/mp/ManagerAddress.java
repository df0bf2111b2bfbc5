package dev.interleave.mp;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/**
 * A manager's address as it travels in tokens: a Unix domain socket's absolute path, or {@code
 * tcp://host:port} (kept as a string, so that no network class is deserialized).
 */
final class ManagerAddress {
  private static final String TCP = "tcp://";

  private ManagerAddress() {}

  /** The string form of a bound or given address. */
  static String of(SocketAddress address) {
    if (address instanceof InetSocketAddress a) {
      String host = a.getHostString();
      return TCP + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
    return ((UnixDomainSocketAddress) address).getPath().toAbsolutePath().toString();
  }

  /** Whether {@code address} is a TCP one. */
  static boolean isTcp(String address) {
    return address.startsWith(TCP);
  }

  /** The TCP address of {@code address}, which {@link #isTcp} accepts. */
  static InetSocketAddress tcp(String address) {
    int colon = address.lastIndexOf(':');
    String host = address.substring(TCP.length(), colon);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    return new InetSocketAddress(host, Integer.parseInt(address.substring(colon + 1)));
  }

  /** The socket address {@code address} names. */
  static SocketAddress parse(String address) {
    return isTcp(address) ? tcp(address) : UnixDomainSocketAddress.of(Path.of(address));
  }
}
