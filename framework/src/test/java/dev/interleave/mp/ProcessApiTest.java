package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ident, sentinel and wait, authkey, cpuCount, start methods and contexts. */
@Timeout(120)
class ProcessApiTest {
  @RegisterExtension
  final Children children = new Children();

  static void awaitGo(Event go) throws InterruptedException {
    go.await();
  }

  @Test
  void identIsThePidOnceStarted() throws Exception {
    Event go = new Event();
    Process p = new Process(ProcessApiTest::awaitGo, go);
    assertThatThrownBy(p::ident).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has not been started");
    children.start(p);
    assertThat(p.ident()).isEqualTo(p.pid());
    go.set();
    assertThat(Children.exitCodeOf(p)).isZero();
  }

  @Test
  void aSentinelBecomesReadyWhenItsProcessEnds() throws Exception {
    Event go = new Event();
    Process p = children.start(new Process(ProcessApiTest::awaitGo, go));
    Sentinel sentinel = p.sentinel();
    assertThat(Sentinel.await(List.of(sentinel), Duration.ofMillis(100))).isEmpty();
    assertThat(sentinel.isReady()).isFalse();
    go.set();
    assertThat(Sentinel.await(List.of(sentinel), Children.WAIT)).containsExactly(sentinel);
    assertThat(p.exitCode()).hasValue(0);
  }

  static void sendHello(Connection c) throws InterruptedException {
    c.send("hello");
  }

  @Test
  void waitReturnsAConnectionThatHasDataBesideASentinelThatIsNot() throws Exception {
    Pipe pipe = Pipe.open();
    Event go = new Event();
    Process blocked = children.start(new Process(ProcessApiTest::awaitGo, go));
    children.start(new Process(ProcessApiTest::sendHello, pipe.second()));
    List<Object> ready = Sentinel.await(List.of(blocked.sentinel(), pipe.first()), Children.WAIT);
    assertThat(ready).containsExactly(pipe.first());
    assertThat((String) pipe.first().recv()).isEqualTo("hello");
    go.set();
  }

  @Test
  void waitRejectsWhatItCannotWaitFor() {
    assertThatThrownBy(() -> Sentinel.await(List.of("text"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("can wait only for a Sentinel or a Connection but got: java.lang.String");
  }

  static void reportAuthkey(Connection c) throws InterruptedException {
    c.send(Process.currentAuthkey());
  }

  @Test
  void aChildInheritsTheAuthkeyOrHasTheOneSet() throws Exception {
    Pipe pipe = Pipe.open();
    children.start(new Process(ProcessApiTest::reportAuthkey, pipe.second()));
    byte[] inherited = pipe.first().recv();
    assertThat(inherited).hasSize(32).isEqualTo(Process.currentAuthkey());

    byte[] key = {1, 2, 3, 4};
    Process p = new Process(ProcessApiTest::reportAuthkey, pipe.second()).setAuthkey(key);
    assertThat(p.authkey()).isEqualTo(key);
    children.start(p);
    assertThat((byte[]) pipe.first().recv()).isEqualTo(key);
    assertThatThrownBy(() -> p.setAuthkey(key)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Process(ProcessApiTest::reportAuthkey, pipe.second())
        .setAuthkey(new byte[0])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("authkey must not be null or empty but was: 0 bytes");
  }

  @Test
  void cpuCountIsWhatTheJvmMayUse() {
    assertThat(Process.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(Context.get("spawn").cpuCount()).isEqualTo(Process.cpuCount());
  }

  @Test
  void spawnStartsAFreshJvmAndForkserverAWarmOne() throws Exception {
    Process.warmUp(1);
    // the JVMs that exist before the two starts: a warm one is among them, a fresh one is not
    java.util.Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid)
        .collect(java.util.stream.Collectors.toSet());
    Event go = new Event();
    Process warm = children.start(Context.get("forkserver").process(ProcessApiTest::awaitGo, go));
    Process fresh = children.start(Context.get("spawn").process(ProcessApiTest::awaitGo, go));
    assertThat(before).as("JVMs started before").contains(warm.pid()).doesNotContain(fresh.pid());
    go.set();
    assertThat(Children.exitCodeOf(fresh)).isZero();
    assertThat(Children.exitCodeOf(warm)).isZero();
  }

  @Test
  void anUnknownStartMethodIsNamed() {
    assertThatThrownBy(() -> Context.get("fork")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot find context for 'fork': the start methods are [spawn, forkserver]"
            + " (a JVM cannot fork; \"forkserver\" gives warm JVMs)");
    assertThat(Context.allStartMethods()).containsExactly("spawn", "forkserver");
  }

  @Test
  void theStartMethodIsSetOnceUnlessForced() {
    Context.setStartMethod("forkserver", true);
    assertThatThrownBy(() -> Context.setStartMethod("spawn"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the start method has already been set (to \"forkserver\")");
    assertThat(Context.getStartMethod()).isEqualTo("forkserver");
    assertThat(Context.get().startMethod()).isEqualTo("forkserver");
  }

  @Test
  void aContextMakesThePrimitivesAndQueues() throws Exception {
    Context ctx = Context.get("spawn");
    Lock lock = ctx.lock();
    assertThat(lock.tryAcquire()).isTrue();
    Queue<Integer> q = ctx.queue(2);
    q.put(7);
    assertThat(q.get(Children.WAIT)).isEqualTo(7);
    assertThat(ctx.semaphore(2).value()).isEqualTo(2);
    assertThat(ctx.toString()).isEqualTo("Context[spawn]");
    lock.close();
    q.close();
  }
}
