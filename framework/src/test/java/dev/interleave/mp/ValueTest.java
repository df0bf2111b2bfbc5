package dev.interleave.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTest {
  @Test
  void typeCodesMapToJavaTypes() {
    assertThat(ValueType.of('i')).isSameAs(ValueType.INT);
    assertThat(ValueType.of('l')).isSameAs(ValueType.LONG);
    assertThat(ValueType.of('q')).isSameAs(ValueType.LONG);
    assertThat(ValueType.of('d')).isSameAs(ValueType.DOUBLE);
    assertThat(ValueType.of('b')).isSameAs(ValueType.BYTE);
    assertThat(ValueType.of('c')).isSameAs(ValueType.CHAR);
    assertThat(ValueType.of('?')).isSameAs(ValueType.BOOLEAN);
  }

  @Test
  void unsignedAndUnknownCodesAreRefusedByName() {
    assertThatThrownBy(() -> ValueType.of('I')).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("type code 'I' is unsigned, which Java has no primitive for; use 'q'"
            + " (a wider signed type) instead");
    assertThatThrownBy(() -> Value.of('x', 1)).hasMessageContaining("unknown type code 'x'");
  }

  @Test
  void valuesHoldEachType() {
    assertThat(Value.of(ValueType.INT, 7).get()).isEqualTo(7);
    assertThat(Value.of('q', 5).get()).isEqualTo(5L);
    assertThat(Value.of('d', 1.5).getDouble()).isEqualTo(1.5);
    assertThat(Value.of('d', 2).get()).isEqualTo(2.0);
    assertThat(Value.of('b', (byte) -3).getLong()).isEqualTo(-3);
    assertThat(Value.of('c', "x").get()).isEqualTo('x');
    assertThat(Value.of('?', true).get()).isEqualTo(true);
    assertThat(RawValue.of(ValueType.FLOAT, 0.25f).getDouble()).isEqualTo(0.25);
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedAndNothingIsWritten() {
    Value<Object> v = Value.of('i', 3);
    assertThatThrownBy(() -> v.set("x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a value of type 'i' (int) cannot hold \"x\" (java.lang.String)");
    assertThatThrownBy(() -> v.set(1.5)).hasMessageContaining("cannot hold 1.5 (java.lang.Double)");
    assertThatThrownBy(() -> Value.of('b', 300)).hasMessageContaining("cannot hold 300");
    assertThatThrownBy(() -> v.set(null)).hasMessageContaining("cannot hold null");
    assertThat(v.get()).isEqualTo(3);
  }

  @Test
  void atomicHelpersWrapAsJavaDoes() {
    Value<Byte> b = Value.of(ValueType.BYTE, (byte) 127);
    assertThat(b.incrementAndGet()).isEqualTo(-128);
    Value<Integer> i = Value.of(ValueType.INT, 1);
    assertThat(i.getAndAdd(4)).isEqualTo(1);
    assertThat(i.compareAndSet(5, 9)).isTrue();
    assertThat(i.compareAndSet(5, 10)).isFalse();
    assertThat(i.getAndSet(2)).isEqualTo(9);
    assertThat(i.decrementAndGet()).isEqualTo(1);
    assertThatThrownBy(() -> Value.of('d', 1.0).incrementAndGet())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("needs an integral type");
  }

  @Test
  void lockIsAnRLockByDefaultAGivenLockOrNone() throws Exception {
    Value<Integer> v = Value.of(ValueType.INT, 0);
    assertThat(v.getLock()).isInstanceOf(RLock.class);
    try (Held held = v.hold()) {
      v.set(v.get() + 1); // recursive: get and set take the lock again
    }
    assertThat(v.get()).isEqualTo(1);
    Lock lock = new Lock();
    assertThat(Value.of(ValueType.INT, 0, lock).getLock()).isSameAs(lock);
    Value<Integer> raw = Value.of(ValueType.INT, 0, false);
    assertThatThrownBy(raw::getLock).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lock=false");
    assertThatThrownBy(() -> Value.of(ValueType.INT, 0, "yes"))
        .hasMessage("lock must be true, false, a Lock or an RLock but was: \"yes\""
            + " (java.lang.String)");
    assertThat(v.getObj().get()).isEqualTo(1);
  }

  @Test
  void arraysSliceAndCheckIndexes() {
    Array<Object> a = Array.of('i', List.of(1, 2, 3, 4));
    assertThat(a.length()).isEqualTo(4);
    assertThat(a.slice(1, 3)).containsExactly(2, 3);
    a.setSlice(0, 2, List.of(9, 8));
    assertThat(a.toList()).containsExactly(9, 8, 3, 4);
    assertThat(a.incrementAndGet(3)).isEqualTo(5);
    assertThatThrownBy(() -> a.get(4)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("index 4 out of range for Array[int ('i'), length 4");
    assertThatThrownBy(() -> a.slice(3, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> a.setSlice(0, 2, List.of(1)))
        .hasMessageContaining("has 2 elements but 1 were given");
    assertThatThrownBy(() -> a.setSlice(0, 2, List.of(1, "two")))
        .hasMessageContaining("element 1: a value of type 'i' (int) cannot hold \"two\"");
    assertThat(a.toList()).containsExactly(9, 8, 3, 5);
  }

  @Test
  void arraysFromSizesAndJavaArrays() {
    assertThat(Array.of('d', 3).toList()).containsExactly(0.0, 0.0, 0.0);
    assertThat(RawArray.of('q', new long[] {4, 5}).toList()).containsExactly(4L, 5L);
    assertThat(Array.of(ValueType.CHAR, 2).get(0)).isEqualTo('\0');
    assertThatThrownBy(() -> Array.of('i', -1))
        .hasMessage("array length cannot be negative but was: -1");
    assertThatThrownBy(() -> Array.of('i', "abc"))
        .hasMessageContaining("must be an Integer length, a List or an array");
  }
}
