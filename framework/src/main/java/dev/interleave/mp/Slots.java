package dev.interleave.mp;

import dev.interleave.internal.shared.Cells;
import java.util.ArrayList;
import java.util.List;

/**
 * The element operations of shared values and arrays, each a scheduling point, on {@link Cells}.
 * Values are checked against the type before anything is written, so a bad element in a bulk
 * write leaves the array unchanged.
 */
final class Slots<T> {
  private final ValueType<T> type;
  private final Cells cells;
  private final String face;

  Slots(ValueType<T> type, Cells cells, String face) {
    this.type = type;
    this.cells = cells;
    this.face = face;
  }

  @SuppressWarnings("unchecked")
  static <T> Slots<T> attach(String name, String face) {
    Cells cells = Cells.attach(name);
    return new Slots<>((ValueType<T>) ValueType.of(cells.code()), cells, face);
  }

  ValueType<T> type() {
    return type;
  }

  Cells cells() {
    return cells;
  }

  int length() {
    return cells.length();
  }

  String id() {
    return cells.name();
  }

  T get(int i) {
    check(i);
    SharedPoints.read(id(), "get");
    return type.fromBits(cells.get(i));
  }

  void set(int i, Object value) {
    check(i);
    long bits = type.bits(type.cast(value));
    SharedPoints.write(id(), "set");
    cells.set(i, bits);
  }

  long getLong(int i) {
    check(i);
    integral("getLong");
    SharedPoints.read(id(), "get");
    return cells.get(i);
  }

  void setLong(int i, long value) {
    check(i);
    integral("setLong");
    set(i, value);
  }

  double getDouble(int i) {
    check(i);
    if (type != ValueType.DOUBLE && type != ValueType.FLOAT) {
      throw unsupported("getDouble");
    }
    return ((Number) get(i)).doubleValue();
  }

  long getAndAdd(int i, long delta) {
    check(i);
    integral("an addition");
    SharedPoints.write(id(), "add");
    if (type == ValueType.INT || type == ValueType.LONG) {
      return cells.getAndAdd(i, delta);
    }
    while (true) {
      long old = cells.get(i);
      if (cells.compareAndSet(i, old, type.wrap(old + delta))) {
        return old;
      }
    }
  }

  long addAndGet(int i, long delta) {
    return type.wrap(getAndAdd(i, delta) + delta);
  }

  T getAndSet(int i, Object value) {
    check(i);
    long bits = type.bits(type.cast(value));
    SharedPoints.write(id(), "getAndSet");
    return type.fromBits(cells.getAndSet(i, bits));
  }

  boolean compareAndSet(int i, Object expected, Object value) {
    check(i);
    long e = type.bits(type.cast(expected));
    long bits = type.bits(type.cast(value));
    SharedPoints.write(id(), "compareAndSet");
    return cells.compareAndSet(i, e, bits);
  }

  List<T> slice(int from, int to) {
    checkRange(from, to);
    SharedPoints.read(id(), "slice");
    List<T> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(type.fromBits(cells.get(i)));
    }
    return out;
  }

  void setSlice(int from, int to, List<?> values) {
    checkRange(from, to);
    if (values.size() != to - from) {
      throw new IllegalArgumentException("can only assign a sequence of the slice's size: slice ["
          + from + ", " + to + ") of " + this + " has " + (to - from) + " elements but "
          + values.size() + " were given");
    }
    long[] bits = bitsOf(values);
    SharedPoints.write(id(), "setSlice");
    for (int i = 0; i < bits.length; i++) {
      cells.set(from + i, bits[i]);
    }
  }

  /** The slot bits of every value, checking them all before anything is written. */
  long[] bitsOf(List<?> values) {
    long[] bits = new long[values.size()];
    for (int i = 0; i < bits.length; i++) {
      try {
        bits[i] = type.bits(type.cast(values.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("element " + i + ": " + e.getMessage(), e);
      }
    }
    return bits;
  }

  /** Writes initial values without scheduling points (the object is not shared yet). */
  void init(long[] bits) {
    for (int i = 0; i < bits.length; i++) {
      cells.set(i, bits[i]);
    }
  }

  private void check(int i) {
    if (i < 0 || i >= cells.length()) {
      throw new IndexOutOfBoundsException("index " + i + " out of range for " + this);
    }
  }

  private void checkRange(int from, int to) {
    if (from < 0 || to > cells.length() || from > to) {
      throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") out of range for "
          + this);
    }
  }

  private void integral(String what) {
    if (!type.isIntegral()) {
      throw unsupported(what);
    }
  }

  private UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(what + " needs an integral type but " + this
        + " holds " + type);
  }

  /** {@code Array[int ('i'), length 3, interleave-...]}. */
  @Override
  public String toString() {
    return face + "[" + type + ", length " + cells.length() + ", " + cells.name() + "]";
  }
}
