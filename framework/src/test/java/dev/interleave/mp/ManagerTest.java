package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ManagerTest {
  private static Manager manager;
  private final Children children = new Children();

  /** A user type for {@code register}. */
  public static final class Counter {
    private int n;

    public int increment() {
      return ++n;
    }

    public int get() {
      return n;
    }

    public void fail() {
      throw new IllegalStateException("counter failed on purpose");
    }
  }

  @BeforeAll
  static void startManager() {
    manager = new Manager().register("Counter", args -> new Counter(), "increment", "get",
        "fail").start();
  }

  @AfterAll
  static void stopManager() {
    manager.shutdown();
  }

  @AfterEach
  void cleanUp() throws InterruptedException {
    children.killAll();
  }

  static void fill(DictProxy<String, Object> d, ListProxy<Integer> l, Integer n) {
    d.put("child" + n, n);
    l.add(n);
    @SuppressWarnings("unchecked")
    ListProxy<String> nested = (ListProxy<String>) d.get("nested");
    nested.add("from " + n);
  }

  @Test
  @SuppressWarnings("unchecked")
  void childrenUpdateTheSameDictAndListThroughProxies() throws Exception {
    DictProxy<String, Object> d = manager.dict();
    ListProxy<Integer> l = manager.list(List.of(0));
    d.put("nested", manager.list());
    List<Process> ps = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      ps.add(children.start(new Process(ManagerTest::fill, d, l, i)));
    }
    for (Process p : ps) {
      assertThat(Children.exitCodeOf(p)).isZero();
    }
    assertThat(d).containsEntry("child1", 1).containsEntry("child2", 2);
    assertThat(l).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(d.get("nested")).isInstanceOf(ListProxy.class);
    assertThat((List<Object>) d.get("nested")).containsExactlyInAnyOrder("from 1", "from 2");
    assertThat(l.remove(Integer.valueOf(0))).isTrue();
    assertThat(l.size()).isEqualTo(2);
  }

  @Test
  void anUnserializableValueFailsAtTheCallNamingItsClassAndNothingIsStored() {
    DictProxy<String, Object> d = manager.dict(Map.of("a", 1));
    assertThatThrownBy(() -> d.put("bad", new Object()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.Object");
    assertThat(d.copy()).isEqualTo(Map.of("a", 1));
    assertThat(d.get("a")).isEqualTo(1);
  }

  @Test
  void namespacesValuesAndArraysCheckWhatTheyAreGiven() {
    NamespaceProxy ns = manager.namespace();
    ns.set("x", 1);
    assertThat(ns.get("x")).isEqualTo(1);
    assertThat(ns.toString()).isEqualTo("Namespace(x=1)");
    assertThatThrownBy(() -> ns.get("y")).isInstanceOf(NoSuchElementException.class)
        .hasMessage("'Namespace' object has no attribute 'y'");
    ValueProxy<Integer> v = manager.value(ValueType.INT, 5);
    assertThat(v.addAndGet(2)).isEqualTo(7);
    @SuppressWarnings({"unchecked", "rawtypes"})
    ValueProxy<Object> raw = (ValueProxy) v;
    assertThatThrownBy(() -> raw.set("seven")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold \"seven\"");
    assertThat(v.get()).isEqualTo(7);
    ArrayProxy<Double> a = manager.array(ValueType.DOUBLE, List.of(1.0, 2.0));
    a.set(1, 3.5);
    assertThat(a.toList()).containsExactly(1.0, 3.5);
    assertThatThrownBy(() -> a.get(2)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("index 2 out of range");
  }

  static void produce(QueueProxy<String> q, EventProxy done) throws InterruptedException {
    q.put("a");
    q.put(null);
    done.set();
  }

  @Test
  void queuesAndSyncProxiesWorkAcrossProcesses() throws Exception {
    QueueProxy<String> q = manager.queue();
    EventProxy done = manager.event();
    children.start(new Process(ManagerTest::produce, q, done));
    assertThat(q.get(Children.WAIT)).isEqualTo("a");
    assertThat(q.get(Children.WAIT)).isNull();
    assertThat(done.await(Children.WAIT)).isTrue();
    assertThatThrownBy(() -> q.get(Duration.ofMillis(10))).isInstanceOf(QueueEmptyException.class);
    AcquirerProxy lock = manager.lock();
    assertThat(lock.acquire(Duration.ZERO)).isTrue();
    assertThat(lock.acquire(Duration.ofMillis(10))).isFalse();
    lock.release();
    assertThatThrownBy(lock::release).isInstanceOf(IllegalStateException.class)
        .hasMessage("release of an unlocked Lock");
    AcquirerProxy sem = manager.boundedSemaphore(1);
    assertThatThrownBy(sem::release).hasMessageContaining("released too many times");
    ConditionProxy cond = manager.condition();
    try (Held held = cond.hold()) {
      assertThat(cond.await(Duration.ofMillis(10))).isFalse();
    }
    assertThat(manager.barrier(1).await()).isZero();
  }

  @Test
  void registeredTypesExposeOnlyTheirListedMethods() {
    Proxy counter = (Proxy) manager.create("Counter");
    assertThat(counter.callMethod("increment")).isEqualTo(1);
    assertThat(counter.callMethod("get")).isEqualTo(1);
    assertThatThrownBy(() -> counter.callMethod("toString"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("method 'toString' is not exposed");
    assertThatThrownBy(() -> counter.callMethod("fail")).isInstanceOf(IllegalStateException.class)
        .hasMessage("counter failed on purpose");
    assertThatThrownBy(() -> manager.create("Nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown typeid 'Nope'; this manager knows [Array, Barrier,");
    assertThatThrownBy(() -> manager.register("X", args -> 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot register a type: the manager is STARTED");
  }

  @Test
  void aWrongAuthkeyIsRefused() {
    Manager other = new Manager(manager.address(), "wrong".getBytes());
    assertThatThrownBy(other::connect).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void aSecondManagerObjectConnectsByAddressAndKey() {
    Manager other = new Manager(manager.address(), manager.authkey()).connect();
    DictProxy<String, Integer> d = other.dict();
    d.put("k", 1);
    assertThat(d.get("k")).isEqualTo(1);
  }

  @Test
  void aServerInThisProcessServesUntilShutDown() throws Exception {
    Manager server = new Manager(null, "key".getBytes());
    Thread t = new Thread(() -> {
      try {
        server.serveForever();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.start();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> server.state() == Manager.State.STARTED);
    Path at = server.address();
    Manager client = new Manager(at, "key".getBytes()).connect();
    ListProxy<String> l = client.list();
    l.add("x");
    client.shutdown();
    t.join(30_000);
    assertThat(t.isAlive()).isFalse();
    assertThatThrownBy(() -> l.add("y")).isInstanceOf(ManagerException.class);
  }
}
