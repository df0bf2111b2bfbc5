package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Managers on TCP (127.0.0.1 only): a server process, client processes, keys. */
@Timeout(180)
class ManagerTcpTest {
  private static final byte[] KEY = "abracadabra".getBytes(StandardCharsets.UTF_8);
  /** The server process's registered dict (one per JVM, handed out by the factory). */
  private static final Map<String, Integer> TABLE = new ConcurrentHashMap<>();

  @RegisterExtension
  final Children children = new Children();

  private static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** The server process: serves "table" on any free port and reports the port bound. */
  static void serveTable(Connection report) throws InterruptedException {
    Manager server = Manager.tcp(loopback(0), KEY).register("table", args -> TABLE);
    Thread reporter = new Thread(() -> {
      Awaitility.await().atMost(Duration.ofSeconds(60))
          .until(() -> server.state() == Manager.State.STARTED);
      InetSocketAddress at = (InetSocketAddress) server.socketAddress();
      try {
        report.send(at.getPort());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    reporter.start();
    server.serveForever();
  }

  /** A client process: connects by address, puts into the table and a dict it creates. */
  static void useTable(Integer port, Integer n) {
    Manager m = Manager.tcp(loopback(port), KEY).connect();
    Proxy table = (Proxy) m.create("table");
    table.callMethod("put", "client" + n, n);
    DictProxy<String, Integer> own = m.dict();
    own.put("n", n);
    table.callMethod("put", "own" + n, own.get("n"));
  }

  private int startServer() throws InterruptedException {
    Pipe pipe = Pipe.open(false);
    children.start(new Process(ManagerTcpTest::serveTable, pipe.second()));
    pipe.second().close();
    assertThat(pipe.first().poll(Duration.ofSeconds(60))).as("the server reported its port")
        .isTrue();
    int port = pipe.first().<Integer>recv();
    pipe.first().close();
    return port;
  }

  @Test
  void aClientProcessUsesTheRegisteredDictOfAServerProcessByAddress() throws Exception {
    int port = startServer();
    assertThat(port).isPositive();
    Process client = children.start(new Process(ManagerTcpTest::useTable, port, 1));
    assertThat(Children.exitCodeOf(client)).isZero();
    Manager here = Manager.tcp(loopback(port), KEY).connect();
    assertThat(here.socketAddress()).isEqualTo(loopback(port));
    Proxy table = (Proxy) here.create("table");
    assertThat(table.callMethod("get", "client1")).isEqualTo(1);
    assertThat(table.callMethod("get", "own1")).isEqualTo(1);
    assertThat(table.callMethod("size")).isEqualTo(2);
    here.shutdown();
    assertThatThrownBy(() -> table.callMethod("size")).isInstanceOf(ManagerException.class);
  }

  @Test
  void aWrongKeyIsRefusedClearlyAndTheServerKeepsServing() throws Exception {
    int port = startServer();
    Manager wrong = Manager.tcp(loopback(port), "wrong".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(wrong::connect).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("authentication key");
    assertThat(wrong.state()).isEqualTo(Manager.State.INITIAL);
    Manager right = Manager.tcp(loopback(port), KEY).connect();
    assertThat(right.<String, Integer>dict(Map.of("a", 1)).get("a")).isEqualTo(1);
    right.shutdown();
  }

  static void increment(ValueProxy<Integer> v, ListProxy<String> l) {
    v.addAndGet(1);
    l.add("child");
  }

  @Test
  void aStartedManagerOnAnyFreePortServesProxiesPassedToChildren() throws Exception {
    try (Manager m = Manager.tcp(loopback(0), null).start()) {
      InetSocketAddress at = (InetSocketAddress) m.socketAddress();
      assertThat(at.getPort()).isPositive();
      assertThatThrownBy(m::address).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("use socketAddress()");
      ValueProxy<Integer> v = m.value(ValueType.INT, 0);
      ListProxy<String> l = m.list();
      Process child = children.start(new Process(ManagerTcpTest::increment, v, l));
      assertThat(Children.exitCodeOf(child)).isZero();
      assertThat(v.get()).isEqualTo(1);
      assertThat(l).containsExactly("child");
    }
  }

  @Test
  void nothingListeningFailsTheConnectClearly() throws Exception {
    int port;
    try (Listener probe = Listener.tcp(loopback(0), KEY)) {
      port = ((InetSocketAddress) probe.socketAddress()).getPort();
    }
    assertThatThrownBy(() -> Manager.tcp(loopback(port), KEY).connect())
        .isInstanceOf(ManagerException.class).hasMessageContaining("does not answer");
  }
}
