package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(120)
class ValueAcrossProcessesTest {
  @RegisterExtension
  final Children children = new Children();

  static void addLocked(Value<Integer> v, Array<Object> a) throws InterruptedException {
    for (int i = 0; i < 1_000; i++) {
      try (Held held = v.hold()) {
        v.set(v.get() + 1);
      }
      a.incrementAndGet(1);
    }
  }

  @Test
  void lockedIncrementsOfSeveralProcessesAreNotLost() throws Exception {
    Value<Integer> v = Value.of(ValueType.INT, 0);
    Array<Object> a = Array.of('q', 3);
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ps.add(children.start(new Process(ValueAcrossProcessesTest::addLocked, v, a)));
    }
    for (Process p : ps) {
      assertThat(Children.exitCodeOf(p)).isZero();
    }
    assertThat(v.get()).isEqualTo(3_000);
    assertThat(a.toList()).containsExactly(0L, 3_000L, 0L);
  }

  static void writeBack(RawArray<Double> a, RawValue<Boolean> flag) {
    a.set(0, a.get(0) * 2);
    flag.set(true);
  }

  @Test
  void rawValuesAndArraysAreSharedNotCopied() throws Exception {
    RawArray<Double> a = RawArray.of(ValueType.DOUBLE, List.of(1.5, 2.5));
    RawValue<Boolean> flag = RawValue.of(ValueType.BOOLEAN, false);
    assertThat(Children.exitCodeOf(children.start(
        new Process(ValueAcrossProcessesTest::writeBack, a, flag)))).isZero();
    assertThat(a.get(0)).isEqualTo(3.0);
    assertThat(flag.get()).isTrue();
  }

  static void holdForever(Value<Integer> v, Event holding, Event never) throws Exception {
    v.hold();
    v.set(42);
    holding.set();
    never.await();
  }

  @Test
  void theLockOfAValueWhoseHolderWasKilledIsRecovered() throws Exception {
    Value<Integer> v = Value.of(ValueType.INT, 0);
    Event holding = new Event();
    Process holder = children.start(new Process(ValueAcrossProcessesTest::holdForever, v,
        holding, new Event()));
    assertThat(holding.await(Children.WAIT)).isTrue();
    RLock lock = (RLock) v.getLock();
    assertThat(lock.acquire(java.time.Duration.ofMillis(50))).isFalse();
    holder.kill();
    assertThat(Children.exitCodeOf(holder)).isEqualTo(-9);
    try (Held held = v.hold()) {
      assertThat(lock.previousOwnerDied()).isTrue();
      assertThat(v.get()).isEqualTo(42);
    }
    assertThat(v.incrementAndGet()).isEqualTo(43);
  }
}
