package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(120)
class ManagerLifecycleTest {
  @RegisterExtension
  final Children children = new Children();

  @Test
  void callsAfterShutdownFailClearly() {
    DictProxy<String, Integer> d;
    try (Manager m = Manager.launch()) {
      d = m.dict();
      d.put("a", 1);
    }
    assertThatThrownBy(() -> d.get("a")).isInstanceOf(ManagerException.class)
        .hasMessageContaining("was shut down");
  }

  @Test
  void creatingOnAManagerThatIsNotRunningFails() {
    Manager m = new Manager();
    assertThatThrownBy(m::dict).isInstanceOf(IllegalStateException.class)
        .hasMessage("the manager is INITIAL: start() it first");
    m.start();
    m.shutdown();
    assertThatThrownBy(m::list).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("it was shut down");
    assertThatThrownBy(m::start).isInstanceOf(IllegalStateException.class);
  }

  static void useAfterKill(DictProxy<String, Integer> d, Event killed, Event ready,
      SharedResult result) throws InterruptedException {
    d.put("child", 1);
    ready.set();
    killed.await();
    try {
      d.get("child");
      result.set(1);
    } catch (ManagerException e) {
      result.set(2);
    }
  }

  @Test
  void aKilledManagerFailsEveryCallInEveryProcess() throws Exception {
    Manager m = Manager.launch();
    DictProxy<String, Integer> d = m.dict();
    Event killed = new Event();
    Event ready = new Event();
    SharedResult result = new SharedResult();
    Process child = children.start(new Process(ManagerLifecycleTest::useAfterKill, d, killed,
        ready, result));
    assertThat(ready.await(Children.WAIT)).isTrue();
    m.process().kill();
    assertThat(Children.exitCodeOf(m.process())).isEqualTo(-9);
    assertThatThrownBy(() -> d.get("child")).isInstanceOf(ManagerException.class)
        .hasMessageContaining("does not answer");
    assertThatThrownBy(() -> d.put("x", 1)).isInstanceOf(ManagerException.class);
    killed.set();
    assertThat(Children.exitCodeOf(child)).isZero();
    assertThat(result.get()).isEqualTo(2);
    m.shutdown();
  }

  /** One int in shared memory. */
  static final class SharedResult implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final RawValue<Integer> v = RawValue.of(ValueType.INT, 0);

    void set(int x) {
      v.set(x);
    }

    int get() {
      return v.get();
    }
  }
}
