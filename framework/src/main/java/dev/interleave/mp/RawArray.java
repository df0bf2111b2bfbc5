package dev.interleave.mp;

import dev.interleave.internal.shared.Cells;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A fixed-length array of a primitive type in shared memory, without a lock, as CPython's
 * {@code multiprocessing.sharedctypes.RawArray}.
 *
 * <p>Create it in any process and pass it to children as a {@link Process} argument: every copy
 * is the same array. Elements are typed ({@link ValueType}); storing a value of another type or
 * out of range, or an index out of range, fails with a message naming the value and the array.
 *
 * <p><b>Atomicity.</b> Each element read and write is atomic, and {@link #incrementAndGet},
 * {@link #getAndAdd}, {@link #compareAndSet} and {@link #getAndSet} are atomic read-modify-writes
 * of one element (a hardware compare-and-set in shared memory). A slice read or write is not
 * atomic as a whole; use an {@link Array} (with a lock) for that.
 *
 * <p><b>Memory consistency effects.</b> Every element access has volatile semantics across
 * processes: a write in one process, and everything the writer did before it, is visible to a
 * process that reads the written value.
 *
 * <p><b>Scheduling.</b> Under the harness, every read and write is a scheduling point (a read or
 * a write of this array).
 *
 * <p><b>Resources.</b> The array's shared-memory file is removed when the creating process exits
 * (swept by the next Interleave process if the creator was killed); copies already mapped keep
 * working, but the array can no longer be passed to a new process after that.
 *
 * @param <T> the boxed element type
 */
@API(status = API.Status.EXPERIMENTAL)
public final class RawArray<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FACE = "RawArray";

  private final transient Slots<T> slots;

  RawArray(Slots<T> slots) {
    this.slots = slots;
  }

  /** A zeroed array of {@code length} elements ({@code false}, 0 or {@code '\0'}). */
  public static <T> RawArray<T> of(ValueType<T> type, int length) {
    return new RawArray<>(create(type, length, FACE));
  }

  /** An array holding {@code values}, checked against {@code type} before it is created. */
  public static <T> RawArray<T> of(ValueType<T> type, List<? extends T> values) {
    return new RawArray<>(create(type, values, FACE));
  }

  /**
   * CPython's {@code RawArray(typecode, size_or_initializer)}: {@code sizeOrValues} is a length
   * (an {@code Integer}), a {@code List}, or a Java array.
   *
   * @throws IllegalArgumentException for an unknown type code, a negative length, or a value
   *     the type cannot hold
   */
  public static RawArray<Object> of(char typeCode, Object sizeOrValues) {
    return new RawArray<>(create(typeCode, sizeOrValues, FACE));
  }

  static <T> Slots<T> create(ValueType<T> type, int length, String face) {
    return new Slots<>(type, Failures.segment(() -> Cells.create("array", type.code(),
        length, type.wide())), face);
  }

  static <T> Slots<T> create(ValueType<T> type, List<?> values, String face) {
    Slots<T> probe = new Slots<>(type, null, face);
    long[] bits = probe.bitsOf(values);
    Slots<T> slots = create(type, values.size(), face);
    slots.init(bits);
    return slots;
  }

  @SuppressWarnings("unchecked")
  static Slots<Object> create(char typeCode, Object sizeOrValues, String face) {
    ValueType<Object> type = (ValueType<Object>) ValueType.of(typeCode);
    if (sizeOrValues instanceof Integer n) {
      return create(type, n, face);
    }
    return create(type, asList(sizeOrValues), face);
  }

  private static List<?> asList(Object values) {
    if (values instanceof List<?> list) {
      return list;
    }
    if (values != null && values.getClass().isArray()) {
      Object[] boxed = new Object[java.lang.reflect.Array.getLength(values)];
      Arrays.setAll(boxed, i -> java.lang.reflect.Array.get(values, i));
      return Arrays.asList(boxed);
    }
    throw new IllegalArgumentException("size_or_initializer must be an Integer length, a List or"
        + " an array but was: " + ValueType.describe(values));
  }

  /** The element type. */
  public ValueType<T> type() {
    return slots.type();
  }

  /** The number of elements. */
  public int length() {
    return slots.length();
  }

  /**
   * Element {@code i}.
   *
   * @throws IndexOutOfBoundsException if {@code i} is not in {@code [0, length())}
   */
  public T get(int i) {
    return slots.get(i);
  }

  /**
   * Stores {@code value} at {@code i}.
   *
   * @throws IllegalArgumentException if the type cannot hold {@code value}
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public void set(int i, T value) {
    slots.set(i, value);
  }

  /** Element {@code i} of an integral array as a {@code long}, without boxing. */
  public long getLong(int i) {
    return slots.getLong(i);
  }

  /** Stores {@code value} (in the type's range) at {@code i} of an integral array. */
  public void setLong(int i, long value) {
    slots.setLong(i, value);
  }

  /** Element {@code i} of a {@code float} or {@code double} array as a {@code double}. */
  public double getDouble(int i) {
    return slots.getDouble(i);
  }

  /** Atomically adds one to element {@code i} (integral types) and returns the new value. */
  public long incrementAndGet(int i) {
    return slots.addAndGet(i, 1);
  }

  /** Atomically adds {@code delta} to element {@code i}, wrapping, and returns the new value. */
  public long addAndGet(int i, long delta) {
    return slots.addAndGet(i, delta);
  }

  /** Atomically adds {@code delta} to element {@code i}, wrapping, and returns the old value. */
  public long getAndAdd(int i, long delta) {
    return slots.getAndAdd(i, delta);
  }

  /** Atomically stores {@code value} at {@code i} and returns the old element. */
  public T getAndSet(int i, T value) {
    return slots.getAndSet(i, value);
  }

  /**
   * Atomically sets element {@code i} to {@code value} if it equals {@code expected} (bit for bit
   * for {@code float} and {@code double}).
   */
  public boolean compareAndSet(int i, T expected, T value) {
    return slots.compareAndSet(i, expected, value);
  }

  /** A copy of elements {@code [from, to)}: Python's {@code arr[from:to]}. */
  public List<T> slice(int from, int to) {
    return slots.slice(from, to);
  }

  /**
   * Python's {@code arr[from:to] = values}: {@code values} must have {@code to - from} elements,
   * all of which are checked before any is written.
   */
  public void setSlice(int from, int to, List<? extends T> values) {
    slots.setSlice(from, to, values);
  }

  /** A copy of every element. */
  public List<T> toList() {
    return slots.slice(0, slots.length());
  }

  Slots<T> slots() {
    return slots;
  }

  @Override
  public String toString() {
    return slots.toString();
  }

  private Object writeReplace() {
    return new SerialForm(slots.id());
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a RawArray is deserialized through its serial form");
  }

  /** What travels to a child: the segment name. */
  private record SerialForm(String segment) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new RawArray<>(Slots.attach(segment, FACE));
    }
  }
}
